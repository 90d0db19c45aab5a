import Crypto

/// HMAC-SHA256 of a value under the project's redaction key: the source of every keyed hash and of the bytes a
/// synthetic replacement is made from. Keyed, so that a small space of values (SSNs, phone numbers) cannot be
/// recovered by hashing every candidate without the key.
struct KeyedDigest: Sendable {
    /// The raw key: swift-crypto's `SymmetricKey` is not `Sendable`, and making one per use is cheap.
    private let key: [UInt8]

    init(key: [UInt8]) {
        self.key = key
    }

    func bytes(of value: String, kind: SensitiveKind) -> [UInt8] {
        // The kind is part of the message, so one string redacted as two kinds gets unrelated fakes.
        var message = Array(kind.rawValue.utf8)
        message.append(0)
        message.append(contentsOf: value.utf8)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    func hex(of value: String, kind: SensitiveKind, digits: Int) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes(of: value, kind: kind) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text.prefix(digits), as: UTF8.self)
    }
}

/// An endless stream of pseudo-random numbers drawn from a digest (re-hashed when used up), so a fake is a pure
/// function of the original value and the key.
struct DigestStream {
    private var pool: [UInt8]
    private var position = 0
    private let digest: KeyedDigest
    private var round = 0
    private let value: String
    private let kind: SensitiveKind

    init(digest: KeyedDigest, value: String, kind: SensitiveKind) {
        self.digest = digest
        self.value = value
        self.kind = kind
        pool = digest.bytes(of: value, kind: kind)
    }

    mutating func next(below bound: Int) -> Int {
        if position == pool.count {
            round += 1
            pool = digest.bytes(of: "\(round)\u{0}" + value, kind: kind)
            position = 0
        }
        defer { position += 1 }
        return Int(pool[position]) % bound
    }

    mutating func digit() -> Character { Character(String(next(below: 10))) }

    mutating func letter(uppercase: Bool) -> Character {
        let scalar = UInt8(ascii: uppercase ? "A" : "a") + UInt8(next(below: 26))
        return Character(Unicode.Scalar(scalar))
    }
}
