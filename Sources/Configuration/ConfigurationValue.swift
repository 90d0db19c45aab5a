/// A value of a configuration file, detached from the TOML parser so it can be validated, stored and shared
/// across tasks.
public enum ConfigurationValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A TOML date, time or date-time, in its TOML spelling.
    case dateTime(String)
    case array([ConfigurationValue])
    case table([String: ConfigurationValue])

    /// The kind of value with its article, for messages: "a string", "an integer".
    public var kindDescription: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a floating-point number"
        case .boolean: "a boolean"
        case .dateTime: "a date or time"
        case .array: "a list"
        case .table: "a table"
        }
    }

    /// How the value is shown in a message: strings quoted, short scalars as written, others by kind.
    public var quotedForMessage: String {
        switch self {
        case .string(let text): "'\(text)'"
        case .integer(let number): "\(number)"
        case .boolean(let flag): "\(flag)"
        default: kindDescription
        }
    }

    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    public var integerValue: Int? {
        if case .integer(let number) = self { number } else { nil }
    }

    /// An integer or a float, as a float (TOML writes `threshold = 1` as an integer).
    public var numberValue: Double? {
        switch self {
        case .integer(let number): Double(number)
        case .float(let number): number
        default: nil
        }
    }

    public var booleanValue: Bool? {
        if case .boolean(let flag) = self { flag } else { nil }
    }

    public var arrayValue: [ConfigurationValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    public var tableValue: [String: ConfigurationValue]? {
        if case .table(let entries) = self { entries } else { nil }
    }

    /// The elements of a list of strings, or nil when the value is not one.
    public var stringListValue: [String]? {
        guard let elements = arrayValue else { return nil }
        let strings = elements.compactMap(\.stringValue)
        return strings.count == elements.count ? strings : nil
    }
}
