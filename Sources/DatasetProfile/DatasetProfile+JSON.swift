import Jansson

extension DatasetProfile {
    /// The profile as the members of `datalint stats --format json` (and the `datalint/stats` request's result), in
    /// order; callers append what they counted besides.
    public func jsonMembers(histograms: ProfileHistograms, epochs: Int) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("records", .integer(Int64(records))),
            ("blankLines", .integer(Int64(blankLines))),
            ("invalidRecords", .integer(Int64(invalidRecords))),
            ("schemas", Self.counts(schemas)),
            ("roles", Self.counts(roles)),
            ("encoding", .string(encodingName)),
            ("tokensAreApproximate", .bool(tokensAreApproximate)),
            ("turns", Self.distribution(turns)),
            ("tokens", Self.distribution(tokens)),
            ("tokensByRole", .object(JSONObject(tokensByRole.sorted { $0.key < $1.key }.map { ($0.key, Self.distribution($0.value)) }))),
            ("trainedTokens", Self.distribution(trainedTokens)),
            ("epochs", .integer(Int64(epochs))),
            ("trainingTokens", .integer(Int64(trainedTokens.total * epochs))),
            ("tokenHistogram", Self.bins(tokens.histogram())),
            ("languages", Self.counts(languages)),
            ("languageNames", .object(JSONObject(languageNames.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))),
            ("histograms", .object(JSONObject([
                ("tokensPerRecord", Self.bins(histograms.tokensPerRecord)),
                ("tokensByRole", .object(JSONObject(histograms.tokensByRole.map { ($0.role, Self.bins($0.bins)) }))),
                ("turnsPerRecord", Self.bins(histograms.turnsPerRecord)),
            ]))),
        ]
        if let bias = preferenceLengthBias {
            members.append(("preferenceLengthBias", .object(JSONObject([("meanDifference", .real(bias.meanDifference)),
                                                                        ("chosenLonger", .real(bias.chosenLonger))]))))
        }
        return members
    }

    public static func counts(_ counts: [String: Int]) -> JSONValue {
        .object(JSONObject(counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, JSONValue.integer(Int64($0.value))) }))
    }

    static func bins(_ bins: ProfileHistograms.Bins) -> JSONValue {
        .array(bins.map { bin in
            .object(JSONObject([("from", .integer(Int64(bin.lowerBound))), ("to", .integer(Int64(bin.upperBound))),
                                ("count", .integer(Int64(bin.count)))]))
        })
    }

    static func distribution(_ values: Distribution) -> JSONValue {
        guard let summary = values.summary else { return .null }
        return .object(JSONObject([
            ("min", .integer(Int64(summary.min))), ("p50", .integer(Int64(summary.p50))), ("p90", .integer(Int64(summary.p90))),
            ("p99", .integer(Int64(summary.p99))), ("max", .integer(Int64(summary.max))), ("mean", .real(summary.mean)),
            ("total", .integer(Int64(summary.total))),
        ]))
    }
}
