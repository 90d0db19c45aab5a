/// A list file that libpsl could not load.
public enum PublicSuffixListError: Error, Sendable, Equatable {
    /// The file is missing, unreadable, or in neither the PSL text format nor libpsl's DAFSA format.
    case cannotLoad(path: String)
}
