import Jansson
import Testing

private func nested(_ depth: Int, around leaf: String = "") -> String {
    String(repeating: "[", count: depth) + leaf + String(repeating: "]", count: depth)
}

/// A value `depth` values deep, the innermost being `leaf`.
private func nestedValue(_ depth: Int, leaf: JSONValue) -> JSONValue {
    var value = leaf
    for _ in 1..<depth { value = .array([value]) }
    return value
}

@Test func nestingAtJanssonsLimitDecodes() throws {
    #expect(JanssonParser.maximumDepth == 2048)
    let value = try JSONValue.decode(nested(2048))
    #expect(try value.encodedString() == nested(2048))
}

@Test func janssonCountsScalarsAsALevel() throws {
    // 2047 arrays around a number is 2048 values deep; 2048 arrays around it is one too many.
    #expect(decodingError(nested(2047, around: "1")) == nil)
    let error = try #require(decodingError(nested(2048, around: "1")))
    #expect(error.kind == .depthLimitExceeded)
    #expect(error.position == 2049)
}

@Test func hugeNestingIsAnErrorNotACrash() throws {
    let error = try #require(decodingError(String(repeating: "[", count: 1_000_000)))
    #expect(error.kind == .depthLimitExceeded)
    let objects = String(repeating: #"{"a":"#, count: 100_000)
    #expect(decodingError(objects)?.kind == .depthLimitExceeded)
}

@Test func encodingRefusesWhatCouldNotBeDecodedAgain() throws {
    let atLimit = nestedValue(2048, leaf: 1)
    #expect(try JSONValue.decode(atLimit.encoded()) == atLimit)
    let tooDeep = nestedValue(2049, leaf: 1)
    #expect(throws: JanssonError.self) { try tooDeep.encoded() }
    do {
        _ = try tooDeep.encoded()
    } catch {
        #expect(error.kind == .depthLimitExceeded)
    }
}

@Test func deepObjectsRoundTrip() throws {
    var value: JSONValue = "leaf"
    for level in 0..<2000 { value = ["k\(level)": value, "n": .integer(Int64(level))] }
    #expect(try JSONValue.decode(value.encoded()) == value)
}
