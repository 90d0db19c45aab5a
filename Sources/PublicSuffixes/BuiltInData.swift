internal import CPSL

extension PublicSuffixList {
    /// What is known about the list compiled into libpsl.
    public struct BuiltInData: Sendable {
        /// The libpsl version, e.g. "0.21.2 (+libidn2/2.3.3)".
        public let libraryVersion: String
        /// The list file libpsl was built from.
        public let sourceFile: String
        /// That file's modification time, in seconds since 1970: how old the built-in rules are.
        public let modificationTime: Int
        /// The SHA-1 of that file, hex-encoded.
        public let sha1: String
        /// Whether the source file on this machine is now newer than the built-in copy (then `latest` may
        /// know suffixes that `builtIn` does not).
        public let isOutdated: Bool
    }

    /// Facts about the built-in list, for `datalint --version` and bug reports.
    public static var builtInData: BuiltInData {
        BuiltInData(libraryVersion: String(cString: psl_get_version()),
                    sourceFile: String(cString: psl_builtin_filename()),
                    modificationTime: Int(psl_builtin_file_time()),
                    sha1: String(cString: psl_builtin_sha1sum()),
                    isOutdated: psl_builtin_outdated() != 0)
    }
}
