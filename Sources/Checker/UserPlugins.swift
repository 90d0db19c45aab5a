import Configuration

/// The plugins of the user's own configuration (`~/.config/datalint/datalint.toml`, `[plugins]` and
/// `[plugin-configuration]`), loaded by every run whatever the workspace: the user chose them.
public enum UserPlugins {
    /// The user's plugin settings (empty when there is no such file); nil after reporting a file that is invalid.
    public static func load(report: (String) -> Void) -> PluginSettings? {
        guard let path = ConfigurationDiscovery.userConfiguration() else { return PluginSettings() }
        let loader = ConfigurationLoader(schema: .standard(stageNames: BuiltInStages.names, catalog: BuiltInStages.catalog))
        do {
            return try loader.load(path: path).settings.plugins
        } catch {
            for problem in error.problems { report(problem.description) }
            return nil
        }
    }
}
