import Checker
import Configuration
import PluginHost

extension CheckRun {
    /// The plugin stages for datasets under `configuration`: the command line's, and the configuration's own when
    /// the workspace is trusted. Started once per configuration file; nil after reporting a plugin that cannot
    /// start (the run cannot do what was asked).
    mutating func pluginStages(for configuration: LoadedConfiguration?) -> [PluginStage]? {
        let key = configuration?.path ?? ""
        if let started = startedPlugins[key] { return started }
        let settings = configuration?.settings.plugins ?? PluginSettings()
        guard let user = UserPlugins.load(report: { reportPluginError($0) }) else { return nil }
        var requests = user.paths.map { request(for: $0, user) } + self.settings.plugins.map { request(for: $0, settings) }
        if !settings.paths.isEmpty {
            if self.settings.trustWorkspace {
                requests += settings.paths.map { request(for: $0, settings) }
            } else if !warnedUntrustedPlugins.contains(key) {
                warnedUntrustedPlugins.insert(key)
                reportNote("\(key) names \(settings.paths.count) plugin\(settings.paths.count == 1 ? "" : "s") in [plugins]; "
                           + "they are not loaded unless you pass --trust (loading a plugin runs its code)")
            }
        }
        var seen: Set<String> = []
        requests = requests.filter { seen.insert($0.path).inserted }
        do throws(PluginStartError) {
            let stages = try PluginSet.start(requests, reservedNames: BuiltInStages.names + ["plugin"],
                                             workerCommand: PluginWorkerCommand.command) { message in
                var errors = StandardStream.error()
                errors.write("datalint: \(message)\n")
                errors.flush()
            }
            let configured = Set(settings.configuration.keys).union(self.settings.pluginConfigurations.keys)
            if !requests.isEmpty || !self.settings.pluginConfigurations.isEmpty {
                for problem in PluginSet.unusedConfigurations(configured, stages: stages) { reportNote(problem) }
            }
            startedPlugins[key] = stages
            return stages
        } catch {
            reportPluginError(error.description)
            return nil
        }
    }

    private func request(for path: String, _ settings: PluginSettings) -> PluginRequest {
        PluginRequest(path: path, configurations: settings.configuration.merging(self.settings.pluginConfigurations) { _, command in command },
                      isolation: self.settings.pluginIsolation ?? PluginIsolation(rawValue: settings.isolation) ?? .process,
                      limits: IsolationLimits(timeout: self.settings.pluginTimeout ?? settings.timeoutSeconds, memoryBytes: settings.memoryLimitMB << 20,
                                              restarts: settings.restarts),
                      workers: min(self.settings.jobs, 4))
    }
}
