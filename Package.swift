// swift-tools-version:6.1
// datalint — a dataset language server and stage-plugin host.
// Layers (bottom to top): C wrappers → text, scanner, diagnostics → stages → checker → CLI / server.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "datalint",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "datalint", targets: ["datalint"]),
        // The example stage plugins (plugins/README.md): `swift build` makes lib<name>.so of each.
        .library(name: "wordlist-filter", type: .dynamic, targets: ["WordlistFilter"]),
        .library(name: "refusal-detector", type: .dynamic, targets: ["RefusalDetector"]),
        .library(name: "whitespace-normalizer", type: .dynamic, targets: ["WhitespaceNormalizer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // C libraries from Debian, each imported by exactly one Swift wrapper module.
        .systemLibrary(name: "CJansson", path: "Sources/CJansson", pkgConfig: "jansson",
                       providers: [.apt(["libjansson-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CXXHash", path: "Sources/CXXHash", pkgConfig: "libxxhash",
                       providers: [.apt(["libxxhash-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        // Safe Swift faces on the C libraries.
        .target(name: "Jansson", dependencies: ["CJansson"], swiftSettings: strict),
        .target(name: "SQLite", dependencies: ["CSQLite"], swiftSettings: strict),
        .target(name: "Hashing", dependencies: ["CXXHash"], swiftSettings: strict),

        // Bytes, lines and positions; the span-tracking JSON scanner; the diagnostic model.
        .target(name: "DatasetText", swiftSettings: strict),
        .target(name: "RecordScanner", dependencies: ["DatasetText"], swiftSettings: strict),
        .target(name: "Diagnostics", dependencies: ["DatasetText"], swiftSettings: strict),
        .target(name: "DatasetIO", dependencies: ["CZlib", "DatasetText"], swiftSettings: strict),

        // Configuration and waivers.
        .target(name: "Configuration", dependencies: ["Diagnostics", "TOMLKit"], swiftSettings: strict),
        .target(name: "Waivers", dependencies: ["Diagnostics", "Hashing", "DatasetIO"], swiftSettings: strict),

        // Stages.
        .target(name: "StageKit", dependencies: ["RecordScanner", "Diagnostics"],
                swiftSettings: strict),
        .target(name: "Schemas", dependencies: ["RecordScanner"], swiftSettings: strict),
        .target(name: "FormatStage", dependencies: ["StageKit", "Schemas"], swiftSettings: strict),

        // Running stages over files, and presenting what they found.
        .target(name: "Checker",
                dependencies: ["StageKit", "FormatStage", "PIIStage", "DuplicateStage", "LengthStage", "Tokenization", "PluginHost", "DatasetIO", "Waivers", "Hashing",
                               "Configuration", "Redaction", "TextNormalization"],
                swiftSettings: strict),
        .target(name: "Reporting", dependencies: ["Diagnostics", "DatasetText"], swiftSettings: strict),

        // The workspace index: hashes and band keys of every record of a workspace's datasets, in SQLite.
        .target(name: "WorkspaceIndex", dependencies: ["SQLite"], swiftSettings: strict),
        .testTarget(name: "WorkspaceIndexTests", dependencies: ["WorkspaceIndex", "SQLite"]),

        // The JSON-RPC wire (framing, messages, the connection), then the language server on top of it.
        .target(name: "JSONRPC", dependencies: ["Jansson", "RecordScanner"], swiftSettings: strict),
        .target(name: "LanguageServerProtocol", swiftSettings: strict),
        .target(name: "LanguageServer",
                dependencies: ["JSONRPC", "LanguageServerProtocol", "Checker", "Configuration", "Jansson",
                               "RecordScanner", "Schemas", "DatasetText", "Diagnostics", "StageKit", "DatasetIO",
                               "Reporting", "DuplicateStage", "LengthStage", "WorkspaceIndex", "RecordTokens", "Tokenization", "DatasetProfile", "PluginHost"],
                swiftSettings: strict),

        // The command-line tool.
        .executableTarget(name: "datalint",
                          dependencies: ["Checker", "PluginHost", "StageKit", "Reporting", "Configuration", "Waivers", "DatasetIO", "Deduplication",
                                         "DuplicateStage", "Tokenization", "RecordTokens", "RecordScanner", "DatasetProfile", "Jansson",
                                         "DatasetText", "Diagnostics", "LanguageServer", "JSONRPC",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: strict),

        // --- Foundations of the `pii` stage: multi-pattern scanning, phone numbers, public suffixes. ---
        // Each C/C++ library is imported by exactly one Swift module, like the wrappers above.
        .systemLibrary(name: "CVectorscan", path: "Sources/CVectorscan", pkgConfig: "libhs",
                       providers: [.apt(["libvectorscan-dev"])]),
        .systemLibrary(name: "CPSL", path: "Sources/CPSL", pkgConfig: "libpsl",
                       providers: [.apt(["libpsl-dev"])]),
        // libphonenumber is C++: this target holds the only C++ code and exposes a plain C header. Its shared
        // library names its own dependencies (protobuf, ICU, abseil), so only it is linked here; the headers
        // it includes come from libprotobuf-dev and libabsl-dev, which libphonenumber-dev depends on.
        .target(name: "CPhoneNumbers", path: "Sources/CPhoneNumbers",
                linkerSettings: [.linkedLibrary("phonenumber")]),
        .target(name: "MultiPatternScanning", dependencies: ["CVectorscan"], swiftSettings: strict),
        .target(name: "PhoneNumbers", dependencies: ["CPhoneNumbers"], swiftSettings: strict),
        .target(name: "PublicSuffixes", dependencies: ["CPSL"], swiftSettings: strict),
        .testTarget(name: "MultiPatternScanningTests", dependencies: ["MultiPatternScanning"]),
        .testTarget(name: "PhoneNumbersTests", dependencies: ["PhoneNumbers"]),
        .testTarget(name: "PublicSuffixesTests", dependencies: ["PublicSuffixes"]),
        // Placeholders, masks, keyed hashes and consistent synthetic values for sensitive data.
        .target(name: "Redaction", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .testTarget(name: "RedactionTests", dependencies: ["Redaction"]),
        // --- End of the `pii` foundations. ---
        // The `pii` stage: personal data and credentials in string values (docs/pii.md).
        // A SIMD pass that finds where digits and hex separators cluster: the pii stage's cheap first look at
        // number-shaped identifiers, which Vectorscan scans slowly (see docs/benchmarks.md).
        .target(name: "CShapePrefilter", path: "Sources/CShapePrefilter"),
        .target(name: "PIIStage",
                dependencies: ["StageKit", "RecordScanner", "Diagnostics", "DatasetText", "MultiPatternScanning",
                               "PublicSuffixes", "PhoneNumbers", "Redaction", "CShapePrefilter"],
                swiftSettings: strict),
        // The reader of docs/<family>.md pages that the stages' documentation tests share (test support, not shipped).
        .target(name: "DiagnosticPageSupport", path: "Tests/DiagnosticPageSupport", swiftSettings: strict),
        .testTarget(name: "PIIStageTests", dependencies: ["PIIStage", "RecordScanner", "Diagnostics", "DatasetText", "DiagnosticPageSupport"]),

        .testTarget(name: "JanssonTests", dependencies: ["Jansson"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "DatasetTextTests", dependencies: ["DatasetText"]),
        .testTarget(name: "RecordScannerTests", dependencies: ["RecordScanner", "Jansson"]),
        .testTarget(name: "DatasetIOTests", dependencies: ["DatasetIO"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration"]),
        .testTarget(name: "WaiversTests", dependencies: ["Waivers"]),
        .testTarget(name: "SchemasTests", dependencies: ["Schemas"]),
        .testTarget(name: "FormatStageTests", dependencies: ["FormatStage"]),
        .testTarget(name: "CheckerTests", dependencies: ["Checker"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC", "Jansson"]),
        .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "JSONRPC", "Jansson"]),
        .testTarget(name: "CLITests", dependencies: ["datalint"],
                    resources: [.copy("Fixtures")]),
        // --- Duplicate detection foundations: text normalization (utf8proc) and MinHash/LSH near duplicates. ---
        // utf8proc (NFC, case folding, Unicode categories) is imported only by TextNormalization.
        .systemLibrary(name: "CUtf8proc", path: "Sources/CUtf8proc", pkgConfig: "libutf8proc",
                       providers: [.apt(["libutf8proc-dev"])]),
        .target(name: "TextNormalization", dependencies: ["CUtf8proc"], swiftSettings: strict),
        // Shingles, MinHash signatures, LSH bands and clusters; hashes shingles with XXH3 through Hashing.
        .target(name: "NearDuplicates", dependencies: ["Hashing"], swiftSettings: strict),
        .testTarget(name: "TextNormalizationTests", dependencies: ["TextNormalization"]),
        .testTarget(name: "NearDuplicatesTests", dependencies: ["NearDuplicates", "TextNormalization"]),
        // Near duplicates across dataset files: records signed in parallel, candidates verified exactly.
        .target(name: "Deduplication",
                dependencies: ["NearDuplicates", "TextNormalization", "RecordScanner", "DatasetIO", "Hashing"],
                swiftSettings: strict),
        .testTarget(name: "DeduplicationTests", dependencies: ["Deduplication", "NearDuplicates", "DatasetIO"]),
        // The `dedup` stage: exact, prompt and near duplicates within a file, from per-record hashes and signatures.
        .target(name: "DuplicateStage",
                dependencies: ["StageKit", "RecordScanner", "Schemas", "Diagnostics", "DatasetText", "NearDuplicates",
                               "TextNormalization", "Hashing", "DatasetIO"],
                swiftSettings: strict),
        .testTarget(name: "DuplicateStageTests", dependencies: ["DuplicateStage", "StageKit", "RecordScanner", "Diagnostics", "DatasetIO", "DiagnosticPageSupport"]),
        // --- End of the duplicate detection foundations. ---
        // --- Token counting: exact BPE counts for tiktoken's encodings (cl100k_base, o200k_base). ---
        // PCRE2 runs tiktoken's own pre-tokenization patterns (Unicode properties, lookahead, possessive
        // quantifiers) with its JIT; only Tokenization imports it. The rank files are installed by setup, never
        // downloaded at run time (Sources/Tokenization/RankFileLocator.swift).
        .systemLibrary(name: "CPCRE2", path: "Sources/CPCRE2", pkgConfig: "libpcre2-8",
                       providers: [.apt(["libpcre2-dev"])]),
        .target(name: "Tokenization",
                dependencies: ["CPCRE2", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .testTarget(name: "TokenizationTests", dependencies: ["Tokenization"], resources: [.copy("Fixtures")]),
        // Throughput of Tokenization on a JSONL file, against tiktoken (bench/tokens/run.py drives it).
        .executableTarget(name: "TokenBenchmark", dependencies: ["Tokenization"], path: "bench/tokens/TokenBenchmark",
                          swiftSettings: strict),
        // Token counts of records (chat framing included), for `datalint tokens` and the editor's hover.
        .target(name: "RecordTokens", dependencies: ["Tokenization", "RecordScanner", "Schemas"], swiftSettings: strict),
        // What a dataset holds (schemas, roles, turns, tokens per role, preference length bias): `datalint stats`.
        // Languages of text: CLD2 (C++) behind a C face, like libphonenumber.
        .target(name: "CLanguageDetection", path: "Sources/CLanguageDetection", linkerSettings: [.linkedLibrary("cld2")]),
        .target(name: "LanguageDetection", dependencies: ["CLanguageDetection"], swiftSettings: strict),
        .testTarget(name: "LanguageDetectionTests", dependencies: ["LanguageDetection"]),
        // The stage plugin ABI (protocol/datalint_stage.h), as a C target: its layout is checked at compile time,
        // and the plugin host and the example plugins get the header from it.
        .target(name: "DatalintStageABI", path: "protocol", exclude: ["README.md"], sources: ["datalint_stage_abi.c"],
                publicHeadersPath: "."),
        .target(name: "PluginHost", dependencies: ["DatalintStageABI", "StageKit", "RecordScanner", "Diagnostics", "DatasetText", "DatasetIO"],
                swiftSettings: strict),
        .testTarget(name: "PluginHostTests", dependencies: ["PluginHost", "StageKit", "RecordScanner", "Diagnostics"],
                    exclude: ["Fixtures"]),
        .target(name: "LengthStage", dependencies: ["StageKit", "RecordScanner", "RecordTokens", "Tokenization", "Diagnostics", "DatasetText"],
                swiftSettings: strict),
        .testTarget(name: "LengthStageTests", dependencies: ["LengthStage", "StageKit", "RecordScanner", "Diagnostics", "Tokenization", "DiagnosticPageSupport"]),
        .target(name: "DatasetProfile", dependencies: ["RecordTokens", "RecordScanner", "Schemas", "LanguageDetection", "Jansson"], swiftSettings: strict),
        .testTarget(name: "DatasetProfileTests", dependencies: ["DatasetProfile", "RecordTokens", "RecordScanner", "Tokenization"]),
        // --- End of token counting. ---
        // --- Example stage plugins (issue 7). Each depends on the ABI header and on C libraries only, never on
        // datalint's modules: a plugin is built the way an outside author would build it. The C targets name their own
        // directory as public headers only because SwiftPM wants one; nothing imports them. ---
        // What the C examples share: JSON Pointers (RFC 6901) for the values they report, and a formatting `fail`.
        .target(name: "PluginSupport", dependencies: ["DatalintStageABI"], path: "plugins/support", publicHeadersPath: "."),
        .target(name: "WordlistFilter", dependencies: ["DatalintStageABI", "PluginSupport", "CJansson", "CUtf8proc"],
                path: "plugins/wordlist-filter", publicHeadersPath: "."),
        .target(name: "RefusalDetector", dependencies: ["DatalintStageABI"], path: "plugins/refusal-detector",
                swiftSettings: strict),
        .target(name: "WhitespaceNormalizer", dependencies: ["DatalintStageABI", "PluginSupport", "CJansson", "CUtf8proc"],
                path: "plugins/whitespace-normalizer", publicHeadersPath: "."),
        // --- End of the example stage plugins. ---
    ],
    swiftLanguageModes: [.v6]
)
