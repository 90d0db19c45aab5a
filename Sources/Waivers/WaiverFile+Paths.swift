extension WaiverFile {
    /// The directory waivers' file names are relative to.
    public var directory: String { WaiverPaths.directory(of: path) }

    /// `datasetPath` (absolute, or relative to the current directory) relative to this waiver file's directory,
    /// `/`-separated: the form waivers name files in, whatever directory datalint runs from.
    public func relativePath(ofDataset datasetPath: String) -> String {
        relativePath(ofDataset: datasetPath, currentDirectory: WaiverPaths.currentDirectory)
    }

    /// `relativePath(ofDataset:)` with an explicit current directory.
    public func relativePath(ofDataset datasetPath: String, currentDirectory: String) -> String {
        let target = WaiverPaths.absolute(datasetPath, currentDirectory: currentDirectory)
        let base = WaiverPaths.absolute(directory, currentDirectory: currentDirectory)
        return WaiverPaths.relative(target, from: base)
    }
}
