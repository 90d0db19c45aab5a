import Testing
import Waivers

@Test func recordHashIsXXH3OfTheLineBytes() {
    // Reference: Python `xxhash.xxh3_64_hexdigest(b'{"messages": [{"role": "user", "content": "hi"}]}')`
    // (xxhash 4.1.0 from PyPI).
    let record = Array(#"{"messages": [{"role": "user", "content": "hi"}]}"#.utf8)
    #expect(RecordHash.of(record).description == "xxh3:5a65309ae403afea")
    #expect(RecordHash.of(record).value == 0x5a65_309a_e403_afea)
}

@Test func sliceOfABufferHashesLikeTheLineAlone() {
    let buffer = Array("{\"a\":1}\r\n{\"b\":2}\n".utf8)
    #expect(RecordHash.of(buffer[9..<16]) == RecordHash.of(Array("{\"b\":2}".utf8)))
    #expect(RecordHash.of(buffer[0..<7]) != RecordHash.of(buffer[0..<8]))
}

@Test func writtenFormRoundTrips() {
    for value: UInt64 in [0, 1, 0x3a9f_1c2b_4d5e_6f70, .max] {
        let hash = RecordHash(value)
        #expect(RecordHash(hash.description) == hash)
    }
    #expect(RecordHash(0xab).description == "xxh3:00000000000000ab")
}

@Test func malformedHashesAreRejected() {
    let malformed = [
        "", "xxh3:", "3a9f1c2b4d5e6f70", "xxh3:3a9f1c2b4d5e6f7", "xxh3:3a9f1c2b4d5e6f700",
        "xxh3:3A9F1C2B4D5E6F70", "xxh64:3a9f1c2b4d5e6f70", "xxh3:3a9f1c2b4d5e6f7g", "xxh3:+a9f1c2b4d5e6f70",
        "xxh3: 3a9f1c2b4d5e6f7",
    ]
    for text in malformed {
        #expect(RecordHash(text) == nil, "\(text)")
    }
}
