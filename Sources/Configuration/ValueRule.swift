import Foundation
/// What a configuration value must be. Sections declare one rule per key; the loader checks every value
/// against its rule and reports a located problem for each value that breaks it.
public struct ValueRule: Sendable {
    /// What the rule accepts, completing "'key' must be …": "a boolean", "one of error, warning, info, never".
    public let expectation: String
    private let check: @Sendable (_ value: ConfigurationValue, _ key: String) -> ValueIssue?

    /// A rule from a check that returns nil for an acceptable value.
    public init(expectation: String,
                check: @escaping @Sendable (_ value: ConfigurationValue, _ key: String) -> ValueIssue?) {
        self.expectation = expectation
        self.check = check
    }

    /// What is wrong with `value` as the value of `key`, or nil when it is acceptable.
    public func issue(with value: ConfigurationValue, key: String) -> ValueIssue? {
        check(value, key)
    }
}

/// A value's problem: the message, and which element of a list to point at (nil: the whole value).
public struct ValueIssue: Sendable, Hashable {
    public var message: String
    public var elementIndex: Int?

    public init(_ message: String, elementIndex: Int? = nil) {
        self.message = message
        self.elementIndex = elementIndex
    }

    /// The standard complaint: "'key' must be <expected>, not <found>".
    public static func mismatch(key: String, expected: String, found: ConfigurationValue) -> ValueIssue {
        ValueIssue("'\(key)' must be \(expected), not \(found.quotedForMessage)")
    }
}

extension ValueRule {
    public static let boolean = ValueRule(expectation: "true or false") { value, key in
        value.booleanValue == nil ? .mismatch(key: key, expected: "true or false", found: value) : nil
    }

    public static let nonEmptyString = ValueRule(expectation: "a non-empty string") { value, key in
        (value.stringValue ?? "").isEmpty ? .mismatch(key: key, expected: "a non-empty string", found: value) : nil
    }

    /// The text of a JSON object (a plugin's configuration).
    public static let jsonObjectText = ValueRule(expectation: "a JSON object as a string") { value, key in
        guard let text = value.stringValue, let data = text.data(using: .utf8),
              (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            return .mismatch(key: key, expected: "a JSON object as a string, such as '{\"words\": [\"foo\"]}'", found: value)
        }
        return nil
    }

    /// One of a fixed set of words.
    public static func oneOf(_ choices: [String]) -> ValueRule {
        let expectation = "one of \(choices.joined(separator: ", "))"
        return ValueRule(expectation: expectation) { value, key in
            guard let word = value.stringValue, choices.contains(word) else {
                return .mismatch(key: key, expected: expectation, found: value)
            }
            return nil
        }
    }

    /// An integer in `range`.
    public static func integer(in range: ClosedRange<Int>) -> ValueRule {
        let expectation = "an integer from \(range.lowerBound) to \(range.upperBound)"
        return ValueRule(expectation: expectation) { value, key in
            guard let number = value.integerValue, range.contains(number) else {
                return .mismatch(key: key, expected: expectation, found: value)
            }
            return nil
        }
    }

    /// A number (integer or float) in `range`, bounds included.
    public static func number(in range: ClosedRange<Double>) -> ValueRule {
        let expectation = "a number from \(range.lowerBound.formatted) to \(range.upperBound.formatted)"
        return ValueRule(expectation: expectation) { value, key in
            guard let number = value.numberValue, range.contains(number) else {
                return .mismatch(key: key, expected: expectation, found: value)
            }
            return nil
        }
    }

    /// A number (integer or float) strictly between the bounds of `range`.
    public static func fraction(in range: ClosedRange<Double>) -> ValueRule {
        let expectation = "a number greater than \(range.lowerBound) and less than \(range.upperBound)"
        return ValueRule(expectation: expectation) { value, key in
            guard let number = value.numberValue, number > range.lowerBound, number < range.upperBound else {
                return .mismatch(key: key, expected: expectation, found: value)
            }
            return nil
        }
    }

    /// A list of strings. `element` returns the message for an unacceptable element (given the element and the
    /// key), which is then located at that element.
    public static func stringList(
        of description: String = "strings",
        element: (@Sendable (_ element: String, _ key: String) -> String?)? = nil
    ) -> ValueRule {
        ValueRule(expectation: "a list of \(description)") { value, key in
            guard let elements = value.arrayValue else {
                return .mismatch(key: key, expected: "a list of \(description)", found: value)
            }
            for (index, item) in elements.enumerated() {
                guard let text = item.stringValue else {
                    return ValueIssue("'\(key)' must be a list of \(description), but element \(index + 1) is "
                                      + item.kindDescription, elementIndex: index)
                }
                if let message = element?(text, key) { return ValueIssue(message, elementIndex: index) }
            }
            return nil
        }
    }

    /// A list of non-empty strings.
    public static let nonEmptyStringList = stringList(of: "non-empty strings") { element, key in
        element.isEmpty ? "'\(key)' must not contain an empty string" : nil
    }
}

extension Double {
    /// 1 for 1.0, 0.5 for 0.5: how a bound reads in a message.
    fileprivate var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
