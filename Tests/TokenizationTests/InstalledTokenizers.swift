import Testing
import Tokenization

/// The real tokenizers, loaded once for all tests from the installed rank files.
///
/// Tests that need them are skipped (`Installed.notInstalled` says how to install) only when no rank file is
/// found; a file that is found but wrong (another checksum, a bad line) makes them fail with the loader's error.
enum Installed {
    static let cl100kResult = Result { () throws(TokenizerError) in try BPETokenizer(encoding: .cl100kBase) }
    static let o200kResult = Result { () throws(TokenizerError) in try BPETokenizer(encoding: .o200kBase) }

    /// Whether the rank file was found (loading may still have failed: then `tokenizer(_:)` throws).
    static func isFound(_ encoding: BPEEncoding) -> Bool {
        found(encoding == .cl100kBase ? cl100kResult : o200kResult)
    }

    /// The tokenizer, or the error that loading the found rank file gave.
    static func tokenizer(_ encoding: BPEEncoding) throws -> BPETokenizer {
        try (encoding == .cl100kBase ? cl100kResult : o200kResult).get()
    }

    private static func found(_ result: Result<BPETokenizer, TokenizerError>) -> Bool {
        if case .failure(.rankFileNotFound) = result { return false }
        return true
    }

    static let notInstalled: Comment = """
        tiktoken rank files are not installed: run `python3 bench/tokens/install_rank_files.py` (scripts/setup.sh \
        and scripts/test.sh do) or point DATALINT_TIKTOKEN_DIR at a directory holding them
        """
}
