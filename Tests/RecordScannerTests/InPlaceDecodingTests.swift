import RecordScanner
import Testing

/// Decoding a string over its own raw text must give exactly what decoding into a new buffer gives, whatever
/// the mix of escapes and runs (runs shorter and longer than the eight bytes copied at a time).
@Suite struct InPlaceDecodingTests {
    static let pieces = [
        #"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\n"#, #"\r"#, #"\t"#, #"\u00e9"#, #"\u20AC"#, #"\ud83d\ude00"#,
        "a", "plain", "eight by", "a run of seventeen", "é", "日本", "😀", " ",
    ]

    @Test func inPlaceDecodingEqualsCopyingDecoding() {
        var random = SplitMix(seed: 0x1D_0C0DE)
        var scanner = RecordScanner()
        for _ in 0..<2_000 {
            let contents = (0..<random.below(40)).map { _ in random.pick(Self.pieces) }.joined()
            let line = Array(#"{"text":"\#(contents)","n":1}"#.utf8)
            let record = scanner.scan(line)
            let node = try! #require(record.value(forKey: "text", in: 0))
            let expected = record.decodedBytes(node)
            var storage = line
            let range = record[node].decodeStringInPlace(in: &storage)
            #expect(Array(storage[range]) == expected, "\(contents)")
            #expect(range.lowerBound == record[node].start + 1)
        }
    }

    @Test func textAfterTheStringIsUntouched() {
        var scanner = RecordScanner()
        let line = Array(#"["\"quoted\" \u00e9\n", "next"]"#.utf8)
        let record = scanner.scan(line)
        var storage = line
        let first = Array(record.elements(of: 0))[0]
        let range = record[first].decodeStringInPlace(in: &storage)
        #expect(String(decoding: storage[range], as: UTF8.self) == "\"quoted\" é\n")
        #expect(Array(storage[record[first].end...]) == Array(line[record[first].end...]))
    }
}
