import SQLite

// Reading the index: what one record or hash is shared with, and, for a check or the language server, everything
// a whole file shares with the other files, each in one join rather than a query per record.
extension WorkspaceIndex {
    // MARK: One hash at a time

    // Hashes are kept by file first (see `IndexSchema`): a lookup across the workspace is one short search per
    // file, which CROSS JOIN (never reordered by SQLite) keeps as the outer loop.

    /// Every record, in any indexed file, whose whole-record hash is `hash`.
    public func records(withExactHash hash: UInt64) throws -> [IndexedLocation] {
        try locations(of: hash, kind: .exact).sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// Every record whose prompt hashes to `hash`.
    public func records(withPromptHash hash: UInt64) throws -> [IndexedLocation] {
        try locations(of: hash, kind: .prompt).sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// Records sharing at least one band key with `keys`: the near-duplicate candidates to verify.
    public func candidates(sharingBandKeys keys: [UInt64]) throws -> Set<IndexedLocation> {
        var found: Set<IndexedLocation> = []
        for key in Set(keys) {
            found.formUnion(try locations(of: key, kind: .band))
        }
        return found
    }

    private func locations(of hash: UInt64, kind: HashKind) throws -> [IndexedLocation] {
        let sql = "SELECT f.path, h.line FROM files f CROSS JOIN \(kind.table) h WHERE h.file_id = f.id AND h.hash = ?"
        return try connection.query(sql, [.uint64(hash)]).compactMap { row in
            guard let path = row[0].stringValue, let line = row[1].int64Value else { return nil }
            return IndexedLocation(file: path, line: Int(line))
        }
    }

    // MARK: Records

    private static let recordColumns = "r.line, r.exact_hash, r.prompt_hash, r.band_keys, r.signature, r.utf8_length, r.utf16_length"

    /// The record at `location`, or nil when that file or line is not indexed.
    public func record(at location: IndexedLocation) throws -> IndexedRecord? {
        guard let fileID = try fileID(of: location.file) else { return nil }
        return try record(fileID: fileID, line: Int64(location.line))
    }

    /// Every record of `file`, in line order (empty when the file is not indexed).
    public func records(inFile file: String) throws -> [IndexedRecord] {
        guard let fileID = try fileID(of: file) else { return [] }
        let statement = try connection.cachedStatement("SELECT \(Self.recordColumns) FROM records r WHERE r.file_id = ? ORDER BY r.line")
        try statement.bind([.integer(fileID)])
        defer { statement.reset() }
        var records: [IndexedRecord] = []
        while try statement.step() {
            records.append(Self.record(from: statement))
        }
        return records
    }

    /// The record at `line` of the file with id `fileID`, or nil.
    func record(fileID: Int64, line: Int64) throws -> IndexedRecord? {
        let statement = try connection.cachedStatement("SELECT \(Self.recordColumns) FROM records r WHERE r.file_id = ? AND r.line = ?")
        try statement.bind([.integer(fileID), .integer(line)])
        defer { statement.reset() }
        return try statement.step() ? Self.record(from: statement) : nil
    }

    private static func record(from statement: Statement) -> IndexedRecord {
        IndexedRecord(line: Int(statement.int64(at: 0) ?? 0), exactHash: statement.uint64(at: 1) ?? 0,
                      promptHash: statement.uint64(at: 2), bandKeys: LittleEndianBlob.decode(statement.blob(at: 3)),
                      signature: LittleEndianBlob.decode(statement.blob(at: 4)),
                      utf8Length: Int(statement.int64(at: 5) ?? 0), utf16Length: Int(statement.int64(at: 6) ?? 0))
    }

    // MARK: A whole file against the others

    // Each query walks this file's hashes of one kind in order, once per other file, and looks each up in that
    // file's hashes, which are in order too: the lookups move forward through the same few pages instead of
    // jumping around, which is what makes hundreds of thousands of them (millions, for band keys) cheap. The
    // cost grows with the number of other files. CROSS JOIN fixes that nesting: SQLite never reorders it.

    /// Every pair of a record of `file` and a record of another file with the same whole-record hash: exact
    /// duplicates across files (train/test leakage). Ordered by line, then other file and line.
    ///
    /// Every pair means every pair: a record repeated m times here and n times elsewhere gives m·n matches.
    public func exactMatches(ofFile file: String) throws -> [IndexMatch] {
        try matches(ofFile: file, kind: .exact)
    }

    /// Every pair of a record of `file` and a record of another file with the same prompt hash. Exact duplicates
    /// are among them (their prompts are equal too); telling them apart is the caller's business.
    public func promptMatches(ofFile file: String) throws -> [IndexMatch] {
        try matches(ofFile: file, kind: .prompt)
    }

    private func matches(ofFile file: String, kind: HashKind) throws -> [IndexMatch] {
        guard let fileID = try fileID(of: file) else { return [] }
        let statement = try connection.cachedStatement("""
            SELECT mine.line, other.path, theirs.line, their_record.utf8_length, their_record.utf16_length
            FROM files other
            CROSS JOIN \(kind.table) mine
            CROSS JOIN \(kind.table) theirs
            CROSS JOIN records their_record
            WHERE other.id <> ?1 AND mine.file_id = ?1
              AND theirs.file_id = other.id AND theirs.hash = mine.hash
              AND their_record.file_id = theirs.file_id AND their_record.line = theirs.line
            """)
        try statement.bind([.integer(fileID)])
        defer { statement.reset() }
        var matches: [IndexMatch] = []
        while try statement.step() {
            matches.append(IndexMatch(line: Int(statement.int64(at: 0) ?? 0), other: Self.location(from: statement, at: 1),
                                      otherUTF8Length: Int(statement.int64(at: 3) ?? 0),
                                      otherUTF16Length: Int(statement.int64(at: 4) ?? 0)))
        }
        return matches.sorted { ($0.line, $0.other.file, $0.other.line) < ($1.line, $1.other.file, $1.other.line) }
    }

    /// Every distinct pair of a record of `file` and a record of another file that share at least one band key,
    /// with both signatures to verify them by. Ordered by line, then other file and line.
    public func nearCandidates(ofFile file: String) throws -> [NearCandidate] {
        guard let fileID = try fileID(of: file) else { return [] }
        // Pairs sharing several bands are found once per band: DISTINCT keeps one, before the records are read.
        let statement = try connection.cachedStatement("""
            SELECT pair.line, f.path, pair.other_line, their_record.utf8_length, their_record.utf16_length,
                   my_record.signature, their_record.signature
            FROM (
                SELECT DISTINCT mine.line AS line, theirs.file_id AS other_file, theirs.line AS other_line
                FROM files other CROSS JOIN \(HashKind.band.table) mine CROSS JOIN \(HashKind.band.table) theirs
                WHERE other.id <> ?1 AND mine.file_id = ?1
                  AND theirs.file_id = other.id AND theirs.hash = mine.hash
            ) AS pair
            JOIN records my_record ON my_record.file_id = ?1 AND my_record.line = pair.line
            JOIN records their_record ON their_record.file_id = pair.other_file AND their_record.line = pair.other_line
            JOIN files f ON f.id = pair.other_file
            """)
        try statement.bind([.integer(fileID)])
        defer { statement.reset() }
        var candidates: [NearCandidate] = []
        while try statement.step() {
            candidates.append(NearCandidate(
                line: Int(statement.int64(at: 0) ?? 0), other: Self.location(from: statement, at: 1),
                otherUTF8Length: Int(statement.int64(at: 3) ?? 0), otherUTF16Length: Int(statement.int64(at: 4) ?? 0),
                signature: LittleEndianBlob.decode(statement.blob(at: 5)),
                otherSignature: LittleEndianBlob.decode(statement.blob(at: 6))))
        }
        return candidates.sorted { ($0.line, $0.other.file, $0.other.line) < ($1.line, $1.other.file, $1.other.line) }
    }

    /// The location in columns `column` (path) and `column + 1` (line).
    private static func location(from statement: Statement, at column: Int) -> IndexedLocation {
        IndexedLocation(file: statement.string(at: column) ?? "", line: Int(statement.int64(at: column + 1) ?? 0))
    }
}
