import CSQLite

// Binding parameters. Indexes are 1-based, as in SQL (`?1` is index 1). Bindings stay until rebound,
// `clearBindings()`, or the statement is handed out again by the connection's cache.
extension Statement {
    /// Binds `value` to the parameter at `index` (1-based). SQLite copies text and blobs at once.
    public func bind(_ value: SQLiteValue, at index: Int) throws {
        let index = Int32(clamping: index)  // Out of range either way; SQLite reports it as SQLITE_RANGE.
        let result: Int32
        switch value {
        case .null:
            result = sqlite3_bind_null(pointer, index)
        case .integer(let integer):
            result = sqlite3_bind_int64(pointer, index, integer)
        case .real(let real):
            result = sqlite3_bind_double(pointer, index, real)
        case .text(var text):
            result = text.withUTF8 { bytes in
                datalint_sqlite3_bind_text(pointer, index, UnsafeRawPointer(bytes.baseAddress),
                                           sqlite3_uint64(bytes.count))
            }
        case .blob(let blob):
            result = blob.withUnsafeBytes { bytes in
                datalint_sqlite3_bind_blob(pointer, index, bytes.baseAddress, sqlite3_uint64(bytes.count))
            }
        }
        guard result == SQLITE_OK else {
            throw SQLiteError(resultCode: result, database: handle.pointer, sql: sql)
        }
    }

    /// Binds `value` to the parameter `name`, given with its prefix (":hash") or without (then ":", "@" and
    /// "$" are tried). An unknown name throws rather than silently leaving the parameter NULL, which is how a
    /// typo in a name would otherwise show up: as missing rows.
    public func bind(_ value: SQLiteValue, named name: String) throws {
        try bind(value, at: parameterIndex(named: name))
    }

    /// Binds every parameter in order. The count must match: a missing binding would silently be NULL.
    public func bind(_ values: [SQLiteValue]) throws {
        guard values.count == parameterCount else {
            throw SQLiteError.misuse("expected \(parameterCount) bindings, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Binds each value to the parameter with its name (see `bind(_:named:)`).
    public func bind(_ values: [String: SQLiteValue]) throws {
        for (name, value) in values {
            try bind(value, named: name)
        }
    }

    private func parameterIndex(named name: String) throws -> Int {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":", "@", "$"].map { $0 + name }
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(pointer, candidate)
            if index > 0 { return Int(index) }
        }
        throw SQLiteError.misuse("no parameter named \(name)", sql: sql)
    }
}
