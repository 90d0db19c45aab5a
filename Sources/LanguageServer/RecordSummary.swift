import RecordScanner
import Schemas

/// What a person wants to know of a record at a glance: its schema, turns, roles and size.
struct RecordSummary: Sendable {
    let schema: RecordSchema?
    let turns: Int
    let roles: [String]
    /// Characters of all text the record holds (decoded string values, keys excluded).
    let characters: Int
    /// The first user message (or prompt / instruction), as a name for the record.
    let title: String?
    let isValidJSON: Bool

    /// A rough token count: about four characters a token for English text with BPE tokenizers. Labelled as an
    /// estimate wherever it is shown, until exact tokenizers are available.
    var approximateTokens: Int { (characters + 3) / 4 }

    init(_ content: ArraySlice<UInt8>) {
        var scanner = RecordScanner()
        self.init(scanner.scan(Array(content)), countingCharacters: true)
    }

    /// Characters are counted only when asked: it decodes every string of the record, which the outline of a
    /// 100k-record document cannot afford.
    init(_ record: ParsedRecord, countingCharacters: Bool) {
        isValidJSON = record.isValidJSON
        guard let root = record.rootObject else {
            schema = nil
            turns = 0
            roles = []
            characters = 0
            title = nil
            return
        }
        let detection = SchemaDetector.detect(record)
        schema = detection.schema
        var characters = 0
        if countingCharacters {
            for index in record.stringValueNodes() { characters += Self.scalarCount(record.decodedBytes(index)) }
        }
        self.characters = characters
        let conversation = Self.conversation(in: record, root: root)
        turns = conversation.count
        roles = conversation.map(\.role)
        let titleNode = conversation.first { ["user", "human"].contains($0.role) }?.textNode
            ?? ["prompt", "instruction", "question", "text"].lazy.compactMap { key in
                record.value(forKey: key, in: root).flatMap { record[$0].kind == .string ? $0 : nil }
            }.first
        title = titleNode.map { Self.beginning(of: $0, in: record) }
    }

    /// The first few hundred bytes of a string value, cut at a character boundary: a title needs no more, and
    /// messages can be megabytes long.
    private static func beginning(of node: Int, in record: ParsedRecord) -> String {
        var bytes = record.decodedBytes(node)
        var end = min(bytes.count, titleByteLimit)
        while end < bytes.count && end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        // A title is one line: line breaks become spaces here, on bytes, which is far cheaper than on Characters.
        for index in 0..<end where bytes[index] == 0x0A || bytes[index] == 0x0D { bytes[index] = 0x20 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    static let titleByteLimit = 400

    /// Unicode scalars in UTF-8 bytes: every byte that does not continue a sequence starts one.
    private static func scalarCount(_ bytes: [UInt8]) -> Int {
        bytes.count { $0 & 0xC0 != 0x80 }
    }

    /// The turns of a messages or conversations list: each role, and the node of its text when it is a string
    /// (decoded only when needed).
    private static func conversation(in record: ParsedRecord, root: Int) -> [(role: String, textNode: Int?)] {
        guard let list = ConversationTurns.list(in: record, root: root) else { return [] }
        return ConversationTurns.turns(of: list, in: record).map { turn in
            (ConversationTurns.role(of: turn, in: record) ?? "?", turn.textNode.flatMap { record[$0].kind == .string ? $0 : nil })
        }
    }
}
