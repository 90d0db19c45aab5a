import Checker
import DatasetIO
import Jansson
import Schemas

/// What `datalint/stats` reports of a dataset, accumulated chunk by chunk.
struct DatasetStatistics {
    private var records = 0
    private var blankLines = 0
    private var invalidRecords = 0
    private var schemas: [String: Int] = [:]
    private var roles: [String: Int] = [:]
    private var turns: [Int] = []
    private var characters: [Int] = []

    mutating func add(chunk: [UInt8]) {
        LineSplitter.forEachLine(in: chunk) { add(line: chunk[$0]) }
    }

    private mutating func add(line: ArraySlice<UInt8>) {
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
            blankLines += 1
            return
        }
        records += 1
        let summary = RecordSummary(line)
        guard summary.isValidJSON, let schema = summary.schema else {
            invalidRecords += 1
            return
        }
        schemas[schema.rawValue, default: 0] += 1
        for role in summary.roles { roles[role, default: 0] += 1 }
        turns.append(summary.turns)
        characters.append(summary.characters)
    }

    var json: JSONValue {
        .object(JSONObject([
            ("records", .integer(Int64(records))),
            ("blankLines", .integer(Int64(blankLines))),
            ("invalidRecords", .integer(Int64(invalidRecords))),
            ("schemas", Self.counts(schemas)),
            ("roles", Self.counts(roles)),
            ("turns", Self.distribution(turns)),
            ("characters", Self.distribution(characters)),
            ("approximateTokens", Self.distribution(characters.map { ($0 + 3) / 4 })),
        ]))
    }

    private static func counts(_ counts: [String: Int]) -> JSONValue {
        .object(JSONObject(counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, JSONValue.integer(Int64($0.value))) }))
    }

    /// min, percentiles and max by the nearest-rank method.
    private static func distribution(_ values: [Int]) -> JSONValue {
        guard !values.isEmpty else { return .null }
        let sorted = values.sorted()
        func rank(_ percent: Int) -> Int64 { Int64(sorted[min(sorted.count - 1, (sorted.count * percent + 99) / 100 - 1)]) }
        let total = sorted.reduce(0, +)
        return .object(JSONObject([
            ("min", .integer(Int64(sorted[0]))), ("p50", .integer(rank(50))), ("p90", .integer(rank(90))),
            ("p99", .integer(rank(99))), ("max", .integer(Int64(sorted[sorted.count - 1]))),
            ("mean", .real(Double(total) / Double(sorted.count))), ("total", .integer(Int64(total))),
        ]))
    }
}
