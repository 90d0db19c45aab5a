import MultiPatternScanning
import Testing

/// Records with a known number of each kind of secret, so every worker's result can be checked exactly.
private func records(count: Int) -> [[UInt8]] {
    (0..<count).map { index in
        Array("""
        {"user": "u\(index)@example.org", "note": "key AKIAIOSFODNN7EXAMPL\(index % 10) from 192.168.\(index % 256).7"}
        """.utf8)
    }
}

@Test func clonedScratchesScanConcurrentlyFromSeveralTasks() async throws {
    let database = try PatternDatabase(SamplePatterns.all)
    let prototype = try Scratch(for: database)
    let input = records(count: 400)
    let expected = try input.map { try prototype.scan($0) }
    let workers = 4
    let chunkSize = input.count / workers

    let results = try await withThrowingTaskGroup(of: (Int, [[Match]]).self) { group in
        for worker in 0..<workers {
            // Each task gets its own clone; the compiler refuses to let two tasks share one scratch.
            let scratch = try prototype.clone()
            let chunk = Array(input[(worker * chunkSize)..<((worker + 1) * chunkSize)])
            group.addTask {
                var found: [[Match]] = []
                for record in chunk {
                    found.append(try scratch.scan(record))
                }
                return (worker, found)
            }
        }
        var byWorker = [[[Match]]](repeating: [], count: workers)
        for try await (worker, found) in group {
            byWorker[worker] = found
        }
        return byWorker.flatMap { $0 }
    }

    #expect(results == expected)
    #expect(results.allSatisfy { matches in matches.contains { $0.id == SamplePatterns.email } })
    #expect(results.allSatisfy { matches in matches.contains { $0.id == SamplePatterns.awsAccessKey } })
}

@Test func freshScratchCanBeHandedToADetachedTask() async throws {
    let database = try PatternDatabase(SamplePatterns.all)
    let scratch = try Scratch(for: database)
    let matches = try await Task.detached {
        try scratch.scan("ghp_0123456789abcdefghijABCDEFGHIJ012345")
    }.value
    #expect(matches.map(\.id) == [SamplePatterns.gitHubToken])
}

@Test func oneDatabaseServesIndependentScratchesAtOnce() async throws {
    // The database is Sendable; each task makes its own scratch from it.
    let database = try PatternDatabase(SamplePatterns.all)
    let counts = try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<4 {
            group.addTask {
                let scratch = try Scratch(for: database)
                var total = 0
                for record in records(count: 100) {
                    total += try scratch.scan(record).count
                }
                return total
            }
        }
        return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(Set(counts).count == 1)
    #expect(counts[0] > 0)
}
