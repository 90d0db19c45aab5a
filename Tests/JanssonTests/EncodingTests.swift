import Jansson
import Testing

@Test func compactEncodingKeepsMemberOrder() throws {
    let value: JSONValue = ["z": 1, "a": [true, nil, 2.5], "m": ["y": "x"]]
    #expect(try value.encodedString() == #"{"z":1,"a":[true,null,2.5],"m":{"y":"x"}}"#)
}

@Test func decodedMemberOrderSurvivesReencoding() throws {
    let text = #"{"zeta":1,"alpha":2,"mid":{"b":1,"a":2},"0":null}"#
    #expect(try JSONValue.decode(text).encodedString() == text)
}

@Test func sortedKeysOrderByKeyBytes() throws {
    let value: JSONValue = ["b": 1, "a": ["d": 1, "c": 2], "B": 0]
    #expect(try value.encodedString(options: EncodingOptions(sortsKeys: true)) == #"{"B":0,"a":{"c":2,"d":1},"b":1}"#)
}

@Test func indentationPutsMembersOnTheirOwnLines() throws {
    let value: JSONValue = ["a": [1]]
    #expect(try value.encodedString(options: EncodingOptions(indentation: 2)) == "{\n  \"a\": [\n    1\n  ]\n}")
}

@Test func requiredEscapesAreWritten() throws {
    let value: JSONValue = .string("q\" b\\ s/ \u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}")
    #expect(try value.encodedString() == #""q\" b\\ s/ \u0000\u0001\b\t\n\f\r\u001F"# + "\u{7F}\"")
}

@Test func nonASCIIStaysUTF8UnlessAskedToEscape() throws {
    let value: JSONValue = "é中😀"
    #expect(try value.encodedString() == "\"é中😀\"")
    #expect(try value.encodedString(options: EncodingOptions(escapesNonASCII: true)) == #""\u00E9\u4E2D\uD83D\uDE00""#)
    #expect(try JSONValue.string("a/b").encodedString(options: EncodingOptions(escapesSlash: true)) == #""a\/b""#)
}

@Test func nulInAStringRoundTrips() throws {
    let value: JSONValue = ["text": "before\u{0}after"]
    let encoded = try value.encodedString()
    #expect(encoded == #"{"text":"before\u0000after"}"#)
    #expect(try JSONValue.decode(encoded) == value)
}

@Test func nulInAKeyEncodesButJanssonCannotReadItBack() throws {
    let value: JSONValue = ["a\u{0}b": 1]
    let encoded = try value.encodedString()
    #expect(encoded == #"{"a\u0000b":1}"#)
    #expect(decodingError(encoded)?.kind == .nulByteInKey)
}

@Test func emptyStringsAndKeysEncode() throws {
    let value: JSONValue = ["": ""]
    #expect(try value.encodedString() == #"{"":""}"#)
    #expect(try JSONValue.decode(value.encoded()) == value)
}

@Test func realsKeepTheirValueAndStayReals() throws {
    for real in [0.1, -0.0, 1.0, 1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -123.456, 1.0 / 3.0] {
        let decoded = try JSONValue.decode(JSONValue.real(real).encoded())
        #expect(decoded == .real(real), "\(real)")
        #expect(decoded.doubleValue?.sign == real.sign, "\(real)")
    }
    #expect(try JSONValue.real(1).encodedString() == "1.0")
}

@Test func nonFiniteRealsAreRefused() throws {
    for real in [Double.nan, .infinity, -.infinity] {
        #expect(throws: JanssonError.self) { try JSONValue.array([.real(real)]).encoded() }
        do {
            _ = try JSONValue.real(real).encoded()
        } catch {
            #expect(error.kind == .nonFiniteNumber)
            #expect(error.position == nil)
        }
    }
}

@Test func objectSubscriptReplacesInPlaceAndRemoves() {
    var object: JSONObject = ["a": 1, "b": 2, "c": 3]
    object["b"] = 20
    object["d"] = 4
    object["a"] = nil
    #expect(object.keys == ["b", "c", "d"])
    #expect(object["b"] == 20)
    #expect(JSONObject([("x", 1), ("y", 2), ("x", 3)]).members
            == [.init(key: "x", value: 3), .init(key: "y", value: 2)])
}
