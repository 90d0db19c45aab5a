import CLanguageDetection

/// A language of text, as CLD2 names it.
public struct DetectedLanguage: Sendable, Hashable {
    /// ISO 639 code: `en`, `zh`, `pt`…; `un` when unknown.
    public let code: String
    /// English name: `ENGLISH`, `Chinese`… as CLD2 spells it.
    public let name: String
    /// False when the text was too short or too mixed for CLD2 to trust its answer.
    public let isReliable: Bool

    public var isUnknown: Bool { code == "un" }
}

/// Which language a text is written in, by Google's Compact Language Detector 2 (83 languages, n-gram scoring,
/// thread safe, a few hundred MB/s): the languages of a dataset are part of its coverage.
public enum LanguageDetector {
    /// Only the first bytes of a long text are read: a record's language shows in its first paragraphs.
    public static let sampleLimit = 4_096

    /// The language of UTF-8 `text` (its first `sampleLimit` bytes).
    public static func detect(_ text: UnsafeRawBufferPointer) -> DetectedLanguage {
        var code: UnsafePointer<CChar>?
        var name: UnsafePointer<CChar>?
        var reliable = false
        let length = min(text.count, sampleLimit)
        datalint_detect_language(text.baseAddress?.assumingMemoryBound(to: CChar.self), length, &code, &name, &reliable)
        return DetectedLanguage(code: code.map { String(cString: $0) } ?? "un", name: name.map { String(cString: $0) } ?? "Unknown",
                                isReliable: reliable)
    }

    public static func detect(_ text: String) -> DetectedLanguage {
        var text = text
        return text.withUTF8 { detect(UnsafeRawBufferPointer($0)) }
    }
}
