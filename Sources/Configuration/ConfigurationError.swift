import DatasetText

/// One thing wrong with a configuration file, located where the user has to fix it.
public struct ConfigurationProblem: Hashable, Sendable, CustomStringConvertible {
    /// The configuration file's path, as it was given or found.
    public var file: String
    /// 0-based, like every position in datalint; `description` shows it 1-based.
    public var position: SourcePosition
    public var message: String

    public init(file: String, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `path:line:column: message`, with a 1-based line and UTF-8 column, as compilers print errors.
    public var description: String { "\(file):\(position): \(message)" }
}

/// Why a configuration file was rejected: every problem found, in the order they appear in the file.
///
/// A configuration that is partly wrong is rejected whole. Ignoring a misspelt key would silently run checks
/// the user meant to turn off (or the reverse), which is worse than stopping.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [ConfigurationProblem]

    public init(_ problems: [ConfigurationProblem]) {
        self.problems = problems.sorted { $0.position < $1.position }
    }

    public init(_ problem: ConfigurationProblem) {
        self.init([problem])
    }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
