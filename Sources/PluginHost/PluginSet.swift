/// Plugins to start for a run: where each is, how it is configured and isolated.
public struct PluginRequest: Sendable, Hashable {
    public let path: String
    /// Configurations by stage name (a JSON object's text); a plugin whose name has none gets "{}".
    public let configurations: [String: String]
    public let isolation: PluginIsolation
    public let limits: IsolationLimits
    /// Worker processes an isolated plugin may have (one per job of a parallel check).
    public let workers: Int

    public init(path: String, configurations: [String: String] = [:], isolation: PluginIsolation,
                limits: IsolationLimits = IsolationLimits(), workers: Int = 1) {
        self.path = path
        self.configurations = configurations
        self.isolation = isolation
        self.limits = limits
        self.workers = workers
    }
}

public enum PluginSet {
    /// Starts every requested plugin's stage. Names must be unique, and none may take a built-in stage's name.
    ///
    /// The configuration is chosen by stage name, which only the plugin knows: an isolated plugin's worker reports
    /// it before the instance is created; an in-process plugin's descriptor is read first.
    public static func start(_ requests: [PluginRequest], reservedNames: [String], workerCommand: [String],
                             log: @escaping @Sendable (String) -> Void) throws(PluginStartError) -> [PluginStage] {
        var stages: [PluginStage] = []
        var paths: [String: String] = Dictionary(uniqueKeysWithValues: reservedNames.map { ($0, PluginLoadError.builtIn) })
        for request in requests {
            let name = try stageName(of: request, workerCommand: workerCommand)
            if let other = paths[name] {
                throw .load(.duplicateName(name: name, path: request.path, otherPath: other))
            }
            paths[name] = request.path
            let runner = try PluginRunner(path: request.path, configuration: request.configurations[name] ?? "{}",
                                          isolation: request.isolation, workerCommand: workerCommand, limits: request.limits,
                                          workers: request.workers)
            stages.append(PluginStage(runner: runner, log: log))
        }
        return stages
    }

    /// Configured stage names that no started plugin has (a misspelt name would silently leave a plugin with its
    /// defaults), each with what to say about it.
    public static func unusedConfigurations(_ names: some Sequence<String>, stages: [PluginStage]) -> [String] {
        let loaded = stages.map(\.name)
        return names.filter { !loaded.contains($0) }.sorted().map { name in
            "a configuration is given for the stage '\(name)', but no loaded plugin has that name"
                + (loaded.isEmpty ? "" : " (loaded: \(loaded.joined(separator: ", ")))")
        }
    }

    /// The stage name a plugin declares, read without creating an instance.
    public static func stageName(of request: PluginRequest, workerCommand: [String]) throws(PluginStartError) -> String {
        switch request.isolation {
        case .none:
            do {
                return try PluginLibrary.load(request.path).descriptor.name
            } catch {
                throw .load(error)
            }
        case .process:
            return try describe(request.path, workerCommand: workerCommand, limits: request.limits).name
        }
    }

    /// The descriptor of the plugin at `path`, read in a worker process (so that loading it cannot harm this one).
    public static func describe(_ path: String, workerCommand: [String], limits: IsolationLimits) throws(PluginStartError)
        -> PluginDescriptor {
        let session = IsolatedSession(path: path, configuration: "{}", command: workerCommand, limits: limits)
        do {
            return try session.describe()
        } catch {
            if let refusal = error.loadError { throw .refused(path: path, message: refusal) }
            throw .create(name: path, path: path, failure: error.failure)
        }
    }
}
