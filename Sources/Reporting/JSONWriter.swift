import Foundation

/// Writes JSON text incrementally, compact or indented, without building a tree first.
///
/// The writer only tracks where commas, line breaks and indentation go; callers are trusted to nest
/// `begin`/`end` calls properly and to name a key before each value inside an object. Text accumulates as
/// UTF-8 bytes, which is several times faster than appending to a `String` piece by piece; the caller drains
/// it with `takeOutput()`, as often as it likes, to stream a large document.
///
/// Keys are static strings: every key datalint writes is a literal of its output format, and a literal
/// needs no escaping.
public struct JSONWriter {
    private var bytes: [UInt8] = []
    /// The text of one level of indentation, or nil for compact output on a single line.
    private let indentUnit: [UInt8]?
    private var depth = 0
    /// True once the current container holds a value, so the next one needs a comma.
    private var hasValueAtCurrentDepth = false
    private var isAfterKey = false

    public init(indentUnit: String? = nil, reservingCapacity capacity: Int = 0) {
        self.indentUnit = indentUnit.map { Array($0.utf8) }
        bytes.reserveCapacity(capacity)
    }

    /// The text written and not yet taken.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Returns the text written so far and starts over with an empty buffer, keeping the nesting state.
    public mutating func takeOutput() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return output
    }

    /// Returns the UTF-8 bytes written so far and starts over with an empty buffer.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// Ends a line of output: between the records of JSON Lines, or after a whole document.
    public mutating func appendNewline() { bytes.append(UInt8(ascii: "\n")) }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes a member name; the next value written is its value.
    public mutating func key(_ name: StaticString) {
        startValue()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if indentUnit != nil { bytes.append(UInt8(ascii: " ")) }
        isAfterKey = true
    }

    public mutating func value(_ text: String) {
        startValue()
        JSONString.append(text, to: &bytes)
        hasValueAtCurrentDepth = true
    }

    public mutating func value(_ number: Int) {
        startValue()
        appendDecimal(number)
        hasValueAtCurrentDepth = true
    }

    /// A finite number, written with at most `fractionDigits` digits after the point and no trailing zeros
    /// (0.8, 0.9123, 1).
    public mutating func value(_ number: Double, fractionDigits: Int) {
        precondition(number.isFinite, "JSON has no NaN or infinity")
        startValue()
        var text = String(format: "%.\(fractionDigits)f", number)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        bytes.append(contentsOf: text.utf8)
        hasValueAtCurrentDepth = true
    }

    public mutating func nullValue() {
        startValue()
        bytes.append(contentsOf: Array("null".utf8))
        hasValueAtCurrentDepth = true
    }

    public mutating func value(_ flag: Bool) {
        startValue()
        bytes.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        hasValueAtCurrentDepth = true
    }

    public mutating func member(_ name: StaticString, _ text: String) {
        key(name)
        value(text)
    }

    public mutating func member(_ name: StaticString, _ number: Int) {
        key(name)
        value(number)
    }

    /// Writes `name` with an object value whose members `body` writes.
    public mutating func object(_ name: StaticString, _ body: (inout JSONWriter) -> Void) {
        key(name)
        object(body)
    }

    /// Writes an object value whose members `body` writes.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    /// Writes `name` with an array value whose elements `body` writes.
    public mutating func array(_ name: StaticString, _ body: (inout JSONWriter) -> Void) {
        key(name)
        beginArray()
        body(&self)
        endArray()
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        bytes.append(bracket)
        depth += 1
        hasValueAtCurrentDepth = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if hasValueAtCurrentDepth { breakLine() }
        bytes.append(bracket)
        hasValueAtCurrentDepth = true
    }

    private mutating func startValue() {
        if isAfterKey {
            isAfterKey = false
            return
        }
        if hasValueAtCurrentDepth { bytes.append(UInt8(ascii: ",")) }
        if depth > 0 { breakLine() }
    }

    private mutating func breakLine() {
        guard let indentUnit else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(contentsOf: indentUnit) }
    }

    /// Writes the digits in place, sparing the `String` that `description` would allocate for each number.
    private mutating func appendDecimal(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var remaining = number.magnitude
        let firstDigit = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining % 10))
            remaining /= 10
        } while remaining > 0
        bytes[firstDigit...].reverse()
    }
}
