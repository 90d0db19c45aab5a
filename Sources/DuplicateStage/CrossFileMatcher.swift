import NearDuplicates

/// Finds the records that one dataset file shares with another, in memory: what `datalint check` does with the
/// files it is given. Each record gets at most one match, its strongest (exact, then near, then prompt).
public struct CrossFileMatcher: Sendable {
    public let threshold: Double
    /// Estimates this close to the threshold are measured exactly when both files can be read again.
    let margin: Double

    public init(threshold: Double, hashCount: Int = 128) {
        self.threshold = threshold
        margin = 4 * (threshold * (1 - threshold) / Double(hashCount)).squareRoot()
    }

    /// A record: index of its file and its index in that file's facts.
    private struct Location: Hashable {
        let file: Int
        let index: Int
    }

    /// A record and a candidate it was compared with, so no pair is compared twice across bands.
    private struct Comparison: Hashable {
        let member: Location
        let representative: Location
    }

    /// The matches of every file's records, per file.
    public func matches(_ files: [FileDuplicates]) -> [[CrossFileMatch]] {
        var best: [Location: (match: CrossFileMatch, strength: Double)] = [:]
        func offer(_ location: Location, _ other: Location, _ kind: CrossFileMatch.Kind) {
            let otherFile = files[other.file]
            let match = CrossFileMatch(record: files[location.file].place(location.index), otherFile: otherFile.file,
                                       other: otherFile.place(other.index), otherIsEvaluation: otherFile.isEvaluation,
                                       kind: kind)
            guard let rank = match.rank(inEvaluationFile: files[location.file].isEvaluation) else { return }
            if let current = best[location], current.strength >= rank { return }
            best[location] = (match, rank)
        }
        matchExact(files, offer)
        matchPrompts(files, offer)
        matchNear(files, offer)
        var perFile = [[CrossFileMatch]](repeating: [], count: files.count)
        for (location, entry) in best { perFile[location.file].append(entry.match) }
        return perFile.map { $0.sorted { $0.record.line < $1.record.line } }
    }

    private func matchExact(_ files: [FileDuplicates], _ offer: (Location, Location, CrossFileMatch.Kind) -> Void) {
        for group in groups(files, key: { $0.exactHash }) {
            for member in group {
                // Every other file is offered (the first record of each): one on the other side of the
                // training/evaluation line outranks the others.
                var seen: Set<Int> = [member.file]
                for other in group where seen.insert(other.file).inserted { offer(member, other, .exact) }
            }
        }
    }

    /// A shared prompt matters only between training and evaluation data: there it leaks the question.
    private func matchPrompts(_ files: [FileDuplicates], _ offer: (Location, Location, CrossFileMatch.Kind) -> Void) {
        for group in groups(files, key: { $0.prompt?.promptHash }) {
            for member in group {
                let side = files[member.file].isEvaluation
                if let other = group.first(where: { files[$0.file].isEvaluation != side }) { offer(member, other, .prompt) }
            }
        }
    }

    /// Records with equal keys in two or more files, each group in file then record order.
    private func groups(_ files: [FileDuplicates], key: (DuplicateFacts) -> UInt64?) -> [[Location]] {
        var byKey: [UInt64: [Location]] = [:]
        for (file, duplicates) in files.enumerated() {
            for index in duplicates.facts.indices {
                guard let value = key(duplicates.facts[index]) else { continue }
                byKey[value, default: []].append(Location(file: file, index: index))
            }
        }
        return byKey.values.filter { group in group.contains { $0.file != group[0].file } }
    }

    /// Candidates share an LSH band key across files; within a bucket each record is compared with the first record
    /// of every other file there, which bounds the work when one text is repeated many times.
    private func matchNear(_ files: [FileDuplicates], _ offer: (Location, Location, CrossFileMatch.Kind) -> Void) {
        guard files.count > 1, let bandCount = files.lazy.compactMap({ $0.facts.first?.bandKeys.count }).first else { return }
        var entries: [(key: UInt64, location: Location)] = []
        var verified: Set<Comparison> = []
        var borderline: [(Location, Location)] = []
        for band in 0..<bandCount {
            entries.removeAll(keepingCapacity: true)
            for (file, duplicates) in files.enumerated() {
                for index in duplicates.facts.indices where duplicates.facts[index].bandKeys.count == bandCount {
                    entries.append((duplicates.facts[index].bandKeys[band], Location(file: file, index: index)))
                }
            }
            entries.sort { ($0.key, $0.location.file, $0.location.index) < ($1.key, $1.location.file, $1.location.index) }
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && entries[end].key == entries[start].key { end += 1 }
                if entries[end - 1].location.file != entries[start].location.file {
                    verifyBucket(entries[start..<end].map(\.location), files, &verified, &borderline, offer)
                }
                start = end
            }
        }
        measureExactly(borderline, files, offer)
    }

    /// Pairs whose estimate was too close to the threshold: measured exactly when both files can be read again
    /// (each file once, for its borderline records only), else judged by the estimate.
    private func measureExactly(_ pairs: [(Location, Location)], _ files: [FileDuplicates],
                                _ offer: (Location, Location, CrossFileMatch.Kind) -> Void) {
        var wanted: [Int: Set<Int>] = [:]
        for (first, second) in pairs {
            wanted[first.file, default: []].insert(files[first.file].lines[first.index])
            wanted[second.file, default: []].insert(files[second.file].lines[second.index])
        }
        var shingles: [Int: [Int: [UInt64]]] = [:]
        for (file, lines) in wanted { shingles[file] = files[file].exactMeasure?.shingleSets(ofLines: lines) }
        for (first, second) in pairs {
            let mine = files[first.file].facts[first.index], theirs = files[second.file].facts[second.index]
            var similarity = DuplicateFacts.estimatedSimilarity(mine.signature, theirs.signature)
            if let a = shingles[first.file]?[files[first.file].lines[first.index]],
               let b = shingles[second.file]?[files[second.file].lines[second.index]] {
                similarity = Jaccard.exact(sorted: a, b)
            }
            if similarity >= threshold {
                offer(first, second, .near(similarity))
                offer(second, first, .near(similarity))
            }
        }
    }

    private func verifyBucket(_ bucket: [Location], _ files: [FileDuplicates], _ verified: inout Set<Comparison>,
                              _ borderline: inout [(Location, Location)],
                              _ offer: (Location, Location, CrossFileMatch.Kind) -> Void) {
        var firstOfFile: [Int: Location] = [:]
        for location in bucket where firstOfFile[location.file] == nil { firstOfFile[location.file] = location }
        for member in bucket {
            for (file, representative) in firstOfFile where file != member.file {
                guard verified.insert(Comparison(member: member, representative: representative)).inserted else { continue }
                let mine = files[member.file].facts[member.index], theirs = files[file].facts[representative.index]
                guard mine.exactHash != theirs.exactHash else { continue }
                guard mine.signature.count == theirs.signature.count else { continue }
                let similarity = DuplicateFacts.estimatedSimilarity(mine.signature, theirs.signature)
                if abs(similarity - threshold) <= margin {
                    borderline.append((member, representative))
                } else if similarity >= threshold {
                    offer(member, representative, .near(similarity))
                    offer(representative, member, .near(similarity))
                }
            }
        }
    }
}
