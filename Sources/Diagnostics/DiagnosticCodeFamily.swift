/// A family of diagnostic codes written as an enum: each case's raw value is its stable code (`dup/exact`, what users
/// write in configuration), and it names its default severity and a one-line summary; its code and its descriptor
/// follow from those.
public protocol DiagnosticCodeFamily: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    var defaultSeverity: Severity { get }
    var summary: String { get }
}

extension DiagnosticCodeFamily {
    public var code: DiagnosticCode { DiagnosticCode(rawValue) }

    public var descriptor: CodeDescriptor { CodeDescriptor(code, defaultSeverity, summary) }
}
