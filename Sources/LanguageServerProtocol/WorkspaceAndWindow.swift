public struct ConfigurationItem: Codable, Sendable {
    public var scopeUri: String?
    public var section: String?

    public init(scopeUri: String?, section: String?) {
        self.scopeUri = scopeUri
        self.section = section
    }
}

public struct ConfigurationParams: Codable, Sendable {
    public var items: [ConfigurationItem]

    public init(items: [ConfigurationItem]) { self.items = items }
}

public struct FileEvent: Codable, Sendable {
    public var uri: String
    /// 1 created, 2 changed, 3 deleted.
    public var type: Int
}

public struct DidChangeWatchedFilesParams: Codable, Sendable {
    public var changes: [FileEvent]
}

public enum MessageType: Int, Codable, Sendable {
    case error = 1
    case warning = 2
    case info = 3
    case log = 4
}

public struct LogMessageParams: Codable, Sendable {
    public var type: MessageType
    public var message: String

    public init(type: MessageType, message: String) {
        self.type = type
        self.message = message
    }
}

public struct WorkDoneProgressCreateParams: Codable, Sendable {
    public var token: RequestIDValue

    public init(token: RequestIDValue) { self.token = token }
}

/// `$/progress` with a work-done value: `begin`, `report` or `end`.
public struct WorkDoneProgress: Codable, Sendable {
    public struct Value: Codable, Sendable {
        public var kind: String
        public var title: String?
        public var message: String?
        public var percentage: Int?
        public var cancellable: Bool?

        public static func begin(_ title: String, message: String? = nil) -> Value {
            Value(kind: "begin", title: title, message: message, percentage: 0, cancellable: false)
        }

        public static func report(_ message: String, percentage: Int) -> Value {
            Value(kind: "report", title: nil, message: message, percentage: percentage, cancellable: nil)
        }

        public static func end(_ message: String? = nil) -> Value {
            Value(kind: "end", title: nil, message: message, percentage: nil, cancellable: nil)
        }
    }

    public var token: RequestIDValue
    public var value: Value

    public init(token: RequestIDValue, value: Value) {
        self.token = token
        self.value = value
    }
}
