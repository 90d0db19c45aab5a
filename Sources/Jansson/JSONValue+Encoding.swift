internal import CJansson

extension JSONValue {
    /// The JSON text of this value, written by jansson.
    ///
    /// Decoding the result gives this value back. Fails only for what JSON or jansson cannot carry: a real
    /// that is NaN or infinite (`.nonFiniteNumber`) and nesting deeper than `JanssonParser.maximumDepth`
    /// (`.depthLimitExceeded`). Keys holding NUL are written correctly, but jansson cannot decode them back.
    public func encoded(options: EncodingOptions = .compact) throws(JanssonError) -> [UInt8] {
        let tree = try JanssonTreeBuilder.tree(of: self)
        var output: [UInt8] = []
        let status = withUnsafeMutablePointer(to: &output) { output in
            json_dump_callback(tree.pointer, { chunk, size, context in
                guard size > 0 else { return 0 }
                let output = context!.assumingMemoryBound(to: [UInt8].self)
                output.pointee.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: size))
                return 0
            }, output, Self.dumpFlags(options))
        }
        // The tree holds only what jansson can write, and the callback never fails: what is left is memory.
        guard status == 0 else {
            throw JanssonError(kind: .outOfMemory, text: "jansson could not encode the value")
        }
        return output
    }

    /// `encoded(options:)` as a `String`.
    public func encodedString(options: EncodingOptions = .compact) throws(JanssonError) -> String {
        String(decoding: try encoded(options: options), as: UTF8.self)
    }

    private static func dumpFlags(_ options: EncodingOptions) -> Int {
        // Scalars may be the whole text (RFC 8259). Order is preserved by jansson 2.8 and later regardless;
        // the flag says so for older ones.
        var flags = Int(JSON_ENCODE_ANY | JSON_PRESERVE_ORDER)
        let indentation = min(max(options.indentation, 0), Int(JSON_MAX_INDENT))
        flags |= indentation == 0 ? Int(JSON_COMPACT) : datalint_json_indent(indentation)
        if options.sortsKeys { flags |= Int(JSON_SORT_KEYS) }
        if options.escapesNonASCII { flags |= Int(JSON_ENSURE_ASCII) }
        if options.escapesSlash { flags |= Int(JSON_ESCAPE_SLASH) }
        return flags
    }
}
