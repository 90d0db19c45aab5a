extension JSONValue {
    /// Decodes one JSON text with jansson.
    ///
    /// A key repeated in an object keeps its first position and its last value, unless
    /// `rejectingDuplicateKeys` is set, which makes it an error (`.duplicateKey`).
    public static func decode(_ bytes: some Collection<UInt8>,
                              rejectingDuplicateKeys: Bool = false) throws(JanssonError) -> JSONValue {
        let root = try JanssonParser.load(bytes, rejectingDuplicateKeys: rejectingDuplicateKeys)
        return JanssonTreeReader.value(of: root)
    }

    /// Decodes the UTF-8 bytes of `text`.
    public static func decode(_ text: String, rejectingDuplicateKeys: Bool = false) throws(JanssonError) -> JSONValue {
        try decode(text.utf8, rejectingDuplicateKeys: rejectingDuplicateKeys)
    }
}
