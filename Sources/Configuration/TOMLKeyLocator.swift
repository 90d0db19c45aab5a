import DatasetText

/// Positions of the keys and values of a TOML document, for configuration errors.
///
/// A path that the scanner could not locate exactly (a key inside an array of inline tables, say) degrades to
/// its nearest located ancestor: the enclosing key or table header, and at worst the start of the document.
struct TOMLKeyLocator: Sendable {
    let document: TextDocument
    private let locations: [[String]: TOMLKeyLocation]

    init(text: String) {
        document = TextDocument(text)
        locations = TOMLKeyScanner.scan(document.bytes)
    }

    /// Where the key at `path` starts (the opening bracket for a table header).
    func keyPosition(of path: [String]) -> SourcePosition {
        document.position(ofByteOffset: nearestLocation(of: path)?.key ?? 0)
    }

    /// Where the value of the key at `path` starts.
    func valuePosition(of path: [String]) -> SourcePosition {
        guard let value = locations[path]?.value else { return keyPosition(of: path) }
        return document.position(ofByteOffset: value)
    }

    /// Where element `index` of the array at `path` starts.
    func elementPosition(of path: [String], index: Int) -> SourcePosition {
        guard let elements = locations[path]?.elements, elements.indices.contains(index) else {
            return valuePosition(of: path)
        }
        return document.position(ofByteOffset: elements[index])
    }

    private func nearestLocation(of path: [String]) -> TOMLKeyLocation? {
        var path = path
        while !path.isEmpty {
            if let location = locations[path] { return location }
            path.removeLast()
        }
        return nil
    }
}
