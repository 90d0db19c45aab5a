/// Reference hashes computed outside datalint, with Python's `xxhash` package 4.1.0 (bundled libxxhash 0.8.x;
/// XXH3 output is frozen since 0.8.0):
///
///     python3 -m venv venv && venv/bin/pip install xxhash
///     import xxhash
///     def pattern(n): return bytes(((i * 31 + 7) & 0xFF) for i in range(n))
///     seed = 0x9E3779B97F4A7C15
///     xxhash.xxh3_64_intdigest(pattern(n)), xxhash.xxh3_64_intdigest(pattern(n), seed=seed)
///     xxhash.xxh3_128_intdigest(pattern(n)) >> 64, ... & (2**64 - 1)   # and the same with seed=seed
///     xxhash.xxh3_64_hexdigest(s.encode()), xxhash.xxh3_128_hexdigest(s.encode())
///
/// The lengths cross every size class of XXH3's implementation (0, 1–3, 4–8, 9–16, 17–128, 129–240, long
/// input, and more than one 1 KiB stripe block), so each code path of the C library is checked.
enum ReferenceVectors {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The deterministic test input of `length` bytes.
    static func pattern(_ length: Int) -> [UInt8] {
        (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    }

    static let hash64: [(length: Int, unseeded: UInt64, seeded: UInt64)] = [
        (0, 0x2d06800538d394c2, 0x602b0e2cd6662c8b),
        (1, 0x4c5cca45d0f4811f, 0x2f3acd3805f81de3),
        (3, 0x15f7093b173d005c, 0x079dd5d54d89480a),
        (4, 0xdca012f95811b6b9, 0x1a246e2efb9c9b2e),
        (8, 0xdec6a9a43575982e, 0x19ef7d3919108aff),
        (9, 0xcbe393399f17ffbd, 0x9c98d3e24dc54d34),
        (16, 0x7e484c18d74895d0, 0xa106510078b0a252),
        (17, 0x208bde5ee2bed407, 0x0b2caf8bf9648eff),
        (128, 0xf92b70eaa21a6288, 0x95425530beb89fe8),
        (129, 0xf8f76713f2bb60fa, 0x29fa850b97ed9666),
        (240, 0xccc7375172c41f03, 0x2d882e7899ff64cc),
        (241, 0x0b3b630948ce4a00, 0x422e82e8913e49e0),
        (1000, 0x989765d0ea7a5ecd, 0x75b5719d9f31a6a2),
        (4096, 0xa3c19f8174cde0bb, 0x224e1aff9c0f0707),
    ]

    static let hash128: [(length: Int, high: UInt64, low: UInt64, seededHigh: UInt64, seededLow: UInt64)] = [
        (0, 0x99aa06d3014798d8, 0x6001c324468d497f, 0xd142977a2cca554b, 0x4ca5176998171787),
        (3, 0x46f66cb935381565, 0x15f7093b173d005c, 0xbf6c84df5f76651d, 0x079dd5d54d89480a),
        (17, 0x18217300b5132d5a, 0x78c349fe81b2f26c, 0x81d87d7004dc4f98, 0xec6d60966729df8d),
        (129, 0x6881633650cd8924, 0xc51bc887976aef63, 0xb8c736db70349640, 0xa1c74215b3db7ab4),
        (241, 0x92b991a7192f3f08, 0x0b3b630948ce4a00, 0xc39cbfb460caf47e, 0x422e82e8913e49e0),
        (4096, 0x49d3842b33d51e8a, 0xa3c19f8174cde0bb, 0x95fad31aabba45e1, 0x224e1aff9c0f0707),
    ]

    /// Strings hashed as their UTF-8 bytes: (text, XXH3-64 hex digest, XXH3-128 hex digest).
    static let strings: [(text: String, hex64: String, hex128: String)] = [
        ("", "2d06800538d394c2", "99aa06d3014798d86001c324468d497f"),
        ("abc", "78af5f94892f3950", "06b05ab6733a618578af5f94892f3950"),
        ("héllo wörld 🌍", "67765386f4655b0f", "83afc341fc8945a8f850c3b48a3689a2"),
        (#"{"messages": [{"role": "user", "content": "hi"}]}"#, "5a65309ae403afea", "29b3a75debf483958257cc6d5afa7777"),
    ]
}
