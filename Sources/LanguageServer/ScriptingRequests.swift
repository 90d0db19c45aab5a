import Checker
import Configuration
import DatasetIO
import DatasetText
import DatasetProfile
import Diagnostics
import Jansson
import JSONRPC
import RecordTokens
import Reporting

/// datalint's own methods for scripts that drive `datalint serve`: `datalint/check` and `datalint/stats`.
/// Each takes one of `path` (a file on disk), `uri` (an open document) or `text` (inline JSONL).
enum ScriptingRequests {
    /// Diagnostics in the shape of `datalint check --format json`, and the run's counts.
    static func check(_ context: RequestContext, _ params: JSONValue) async -> Result<JSONValue, ResponseError> {
        let columns: PositionEncoding = params["columns"]?.stringValue == "utf-16" ? .utf16 : .utf8
        let input: ScriptInput
        switch await ScriptInput.resolve(params, context) {
        case .success(let resolved): input = resolved
        case .failure(let error): return .failure(error)
        }
        let plan = CheckPlan(configuration: input.configuration,
                             tokenCounters: await context.workspace.tokenCounters(for: input.configuration))
        let checker = Checker(stages: plan.stages, policy: plan.policy, jobs: 1, maxDepth: plan.maxDepth)
        let renderer = JSONLinesRenderer(columns: columns)
        var rendered = ""
        var summary = CheckSummary()
        do {
            var source = input.source
            summary.records = try await checker.check(&source, file: input.name) { found in
                summary.count(found.diagnostic.severity)
                renderer.write(found, to: &rendered)
            }
            summary.files = 1
        } catch {
            return .failure(ResponseError(code: ResponseError.requestFailedCode, message: "\(error)"))
        }
        let diagnostics = rendered.split(separator: "\n").compactMap { try? JSONValue.decode(String($0)) }
        return .success(.object(JSONObject([
            ("diagnostics", .array(diagnostics)),
            ("summary", .object(JSONObject([
                ("files", .integer(Int64(summary.files))), ("records", .integer(Int64(summary.records))),
                ("errors", .integer(Int64(summary.errors))), ("warnings", .integer(Int64(summary.warnings))),
                ("infos", .integer(Int64(summary.infos))), ("hints", .integer(Int64(summary.hints))),
            ]))),
        ])))
    }

    /// What `datalint stats --format json` reports (records, schemas, roles, languages, turns, exact tokens per
    /// record and role, histograms). For an open document whose tokens the `length` stage keeps per line, the
    /// counts are reused: after an edit only the edited records were tokenized again.
    static func stats(_ context: RequestContext, _ params: JSONValue) async -> Result<JSONValue, ResponseError> {
        let input: ScriptInput
        switch await ScriptInput.resolve(params, context) {
        case .success(let resolved): input = resolved
        case .failure(let error): return .failure(error)
        }
        let counters = await context.workspace.tokenCounters(for: input.configuration)
        var profile = DatasetProfile(counter: RecordTokenCounter(tokenizer: counters.tokenizer, encoding: counters.encoding))
        let epochs = params["epochs"]?.intValue.map { max(1, $0) } ?? 3
        if let uri = params["uri"]?.stringValue, let document = await context.workspace.snapshot(of: uri),
           let counted = await context.workspace.currentLengths(of: uri, encoding: counters.encoding) {
            guard DocumentProfile.add(document.lines, counted: counted, to: &profile) else { return .failure(.cancelled) }
        } else {
            var source = input.source
            do {
                while let chunk = try source.nextChunk() {
                    if Task.isCancelled { return .failure(.cancelled) }
                    DocumentProfile.add(chunk.bytes, to: &profile)
                }
            } catch {
                return .failure(ResponseError(code: ResponseError.requestFailedCode, message: "\(error)"))
            }
        }
        return .success(.object(JSONObject(profile.jsonMembers(histograms: ProfileHistograms(profile), epochs: epochs))))
    }
}

/// The dataset a scripting request names, ready to read, with the configuration that applies to it.
struct ScriptInput {
    let name: String
    var source: any RecordChunkSource
    let configuration: DatalintConfiguration

    static func resolve(_ params: JSONValue, _ context: RequestContext) async -> Result<ScriptInput, ResponseError> {
        if let path = params["path"]?.stringValue {
            do {
                return .success(ScriptInput(name: path, source: try DatasetReader(path: path),
                                            configuration: configuration(near: path)))
            } catch {
                return .failure(.invalidParams(error.description))
            }
        }
        if let uri = params["uri"]?.stringValue {
            guard let document = await context.workspace.snapshot(of: uri) else {
                return .failure(.invalidParams("\(uri) is not open; pass 'path' to read it from disk"))
            }
            let path = DocumentURI.path(of: uri)
            return .success(ScriptInput(name: path ?? uri, source: InMemorySource(bytes: document.lines.text),
                                        configuration: path.map(configuration(near:)) ?? .default))
        }
        if let text = params["text"]?.stringValue {
            return .success(ScriptInput(name: "<text>", source: InMemorySource(bytes: Array(text.utf8)),
                                        configuration: .default))
        }
        return .failure(.invalidParams("pass one of 'path', 'uri' or 'text'"))
    }

    private static func configuration(near path: String) -> DatalintConfiguration {
        let loader = ConfigurationLoader(schema: .standard(stageNames: BuiltInStages.names, catalog: BuiltInStages.catalog))
        return (try? loader.loadNearest(toDatasetAt: path))??.settings ?? .default
    }
}

/// One chunk holding all of a text.
struct InMemorySource: RecordChunkSource {
    var bytes: [UInt8]?

    mutating func nextChunk() throws -> (bytes: [UInt8], firstLine: Int)? {
        defer { bytes = nil }
        return bytes.flatMap { $0.isEmpty ? nil : ($0, 0) }
    }
}

