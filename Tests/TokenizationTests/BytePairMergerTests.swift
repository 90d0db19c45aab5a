import Testing
@testable import Tokenization

/// A rank table from (token, rank) pairs written as strings.
private func table(_ tokens: [(String, Int)]) throws -> RankTable {
    try RankTable(tokens.map { (bytes: Array($0.0.utf8), rank: $0.1) })
}

/// The tokens `merger` cuts `piece` into, as strings, by the given algorithm.
private func merge(_ piece: String, _ table: RankTable, heap: Bool = false) -> [String] {
    let merger = BytePairMerger()
    let bytes = Array(piece.utf8)
    var parts: [String] = []
    let count = bytes.withUnsafeBytes { buffer in
        let emit = { (start: Int, end: Int) in parts.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
        return heap ? merger.mergeWithHeap(buffer, table: table.storage, emit: emit)
            : merger.mergeLinearly(buffer, table: table.storage, emit: emit)
    }
    #expect(count == parts.count)
    return parts
}

/// tiktoken's `_byte_pair_merge` written as plainly as possible: the reference both algorithms must agree with.
private func referenceMerge(_ piece: [UInt8], _ table: RankTable) -> [Range<Int>] {
    var starts = Array(0...piece.count)
    func rank(_ index: Int) -> Int {
        table.rank(of: piece[starts[index]..<starts[index + 2]]) ?? Int.max
    }
    while starts.count > 2 {
        var best = (rank: Int.max, index: -1)
        for index in 0..<starts.count - 2 where rank(index) < best.rank { best = (rank(index), index) }
        guard best.index >= 0 else { break }
        starts.remove(at: best.index + 1)
    }
    return zip(starts, starts.dropFirst()).map { $0..<$1 }
}

@Test func theLowestRankedPairMergesFirst() throws {
    let ranks = try table([("a", 0), ("b", 1), ("c", 2), ("ab", 10), ("bc", 5)])
    for heap in [false, true] {
        #expect(merge("abc", ranks, heap: heap) == ["a", "bc"])
    }
}

@Test func onTiesTheLeftmostPairMergesFirst() throws {
    let ranks = try table([("a", 0), ("aa", 1)])
    for heap in [false, true] {
        #expect(merge("aaa", ranks, heap: heap) == ["aa", "a"])
        #expect(merge("aaaaa", ranks, heap: heap) == ["aa", "aa", "a"])
    }
}

@Test func aMergedPartCompetesWithTheRemainingPairs() throws {
    // After "aa" (rank 1), "aaa" (rank 2) beats the second "aa"... only once it exists.
    let ranks = try table([("a", 0), ("aa", 1), ("aaa", 2)])
    for heap in [false, true] {
        #expect(merge("aaaa", ranks, heap: heap) == ["aa", "aa"])
        #expect(merge("aaa", ranks, heap: heap) == ["aaa"])
    }
    let other = try table([("a", 0), ("b", 1), ("c", 2), ("d", 3), ("ab", 7), ("bc", 5), ("cd", 4), ("abcd", 8)])
    for heap in [false, true] {
        // cd (4) first; then "bcd" is not a token, ab (7) is; "abcd" is a token but only joins ab + cd.
        #expect(merge("abcd", other, heap: heap) == ["abcd"])
    }
}

@Test func pairsAreLookedUpByTheirBytesNotByHowTheyWereBuilt() throws {
    // "abc" is reachable as ab + c although its "own" merge would be a + bc; tiktoken looks up bytes, so does this.
    let ranks = try table([("a", 0), ("b", 1), ("c", 2), ("ab", 3), ("abc", 4), ("bc", 9)])
    for heap in [false, true] { #expect(merge("abc", ranks, heap: heap) == ["abc"]) }
}

@Test func withoutAnyMergeEveryByteStaysAToken() throws {
    let ranks = try table([("x", 0), ("y", 1)])
    for heap in [false, true] { #expect(merge("xyxy", ranks, heap: heap) == ["x", "y", "x", "y"]) }
}

@Test func heapAndLinearMergesAgreeWithTheReferenceOnRandomTables() throws {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }
    let alphabet = Array("abcd".utf8)
    for _ in 0..<60 {
        // Every byte, then random strings of 2 to 5 letters with random distinct ranks.
        var tokens: [[UInt8]: Int] = [:]
        for byte in alphabet { tokens[[byte]] = tokens.count }
        var generator = SeededGenerator(seed: UInt64(next(1 << 30)))
        var ranks = Array(0..<400).shuffled(using: &generator)
        for _ in 0..<80 {
            let token = (0..<2 + next(4)).map { _ in alphabet[next(alphabet.count)] }
            if tokens[token] == nil { tokens[token] = 100 + ranks.removeLast() }
        }
        let table = try RankTable(tokens.map { (bytes: $0.key, rank: $0.value) })
        let merger = BytePairMerger()
        for length in [2, 3, 7, 40, 129, 300] {
            let piece = (0..<length).map { _ in alphabet[next(alphabet.count)] }
            let expected = referenceMerge(piece, table)
            for heap in [false, true] {
                var got: [Range<Int>] = []
                piece.withUnsafeBytes { buffer in
                    let emit = { (start: Int, end: Int) in got.append(start..<end) }
                    _ = heap ? merger.mergeWithHeap(buffer, table: table.storage, emit: emit)
                        : merger.mergeLinearly(buffer, table: table.storage, emit: emit)
                }
                #expect(got == expected, "heap: \(heap), piece \(String(decoding: piece, as: UTF8.self))")
            }
        }
    }
}

/// A small deterministic generator for `shuffled(using:)`.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
