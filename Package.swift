// swift-tools-version:6.0
import PackageDescription

/// consult: the analysis side of a public consultation, on PostgreSQL through libpq.
/// Module layout and the reason for each dependency are in README.md ("How the code is laid out").
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")

let package = Package(
    name: "consult",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "consult", targets: ["consult"]),
    ],
    dependencies: [
        // Command-line parsing with generated help: the CLI contract is a tree of subcommands.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The consultation, instruments and codebook are YAML files staff edit by hand.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The chapter's prose lives in templates analysts edit without touching Swift.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // SHA-256 and HMAC for pseudonyms, digests and name-based UUIDs: security code from a maintained,
        // audited library rather than our own. Either major version on the mirror will do.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        // .xlsx exports (Microsoft Forms, Citizen Space, Kobo, Sheets) are zip archives of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `consult serve`: the HTTP service (routing, request decoding, graceful shutdown through
        // swift-service-lifecycle, request logs through swift-log).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Prometheus text exposition for `/metrics`: counters and histograms with the format's escaping rules.
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Matrix products for the transformer encoder (cblas_sgemm).
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "EmbeddedPostgres"),
        // Pure numerics (no I/O): intervals, agreement, tests, weighting, disclosure control.
        .target(name: "Statistics"),
        // Shared by everything that names a file, an instrument or a person: one SHA-256 hex form, so
        // every digest stored in the database is spelled the same way.
        .target(name: "Digests", dependencies: [crypto]),
        // Bytes staff bring, decoded: encodings, CSV, YAML, errors that name file, line and field.
        .target(name: "FileReading", dependencies: ["Digests", .product(name: "Yams", package: "Yams")]),
        // The rule pattern language and its matcher, usable without a codebook.
        .target(name: "RulePatterns"),
        // The consultation's own model: consultation, instruments, option sets, codebook.
        .target(name: "ConsultationModel", dependencies: ["FileReading", "RulePatterns", "Digests", .product(name: "Yams", package: "Yams")]),
        // Finding personal data in free text, redacting it, and keyed pseudonyms.
        .target(name: "PersonalData", dependencies: ["FileReading", "Digests", crypto]),
        // A survey tool's export or a transcript, read into redacted, pseudonymised respondents.
        .target(name: "SurveyExports", dependencies: ["FileReading", "ConsultationModel", "PersonalData", "Digests"]),
        // Applying a codebook's rules to text, with the span each coding rests on.
        .target(name: "RuleCoding", dependencies: ["ConsultationModel", "RulePatterns"]),
        // How good a coding is: agreement between coders, scores against a gold standard, coded-text files.
        .target(name: "CodingQuality", dependencies: ["FileReading", "ConsultationModel", "Statistics"]),
        // The codebook to and from REFI-QDA (NVivo, ATLAS.ti, MAXQDA, QualCoder).
        .target(name: "QDAExchange", dependencies: ["ConsultationModel", "Digests", crypto, .product(name: "Yams", package: "Yams")]),
        // Population margins, raking weights and representativeness.
        .target(name: "PopulationWeighting", dependencies: ["FileReading", "ConsultationModel", "Statistics"]),
        // The rows of one worksheet of an .xlsx workbook, streamed (no database, no survey knowledge).
        .target(name: "Workbooks", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // What each survey tool's export looks like (header rows, metadata columns, multi-select conventions).
        .target(name: "ExportShapes", dependencies: ["FileReading", "ConsultationModel", "SurveyExports", "Digests"]),
        .target(name: "ConsultStore", dependencies: ["Postgres", "ConsultationModel", "SurveyExports", "CodingQuality", "Digests", "Statistics", "PopulationWeighting"]),
        .target(name: "ConsultIngest", dependencies: ["FileReading", "ConsultationModel", "PersonalData", "SurveyExports", "ExportShapes", "Workbooks", "Digests", "ConsultStore", crypto]),
        .target(name: "ConsultCoding", dependencies: ["RuleCoding", "CodingQuality", "ConsultStore", "ThemeSuggestion", "TransformerCoding", "TransformerEncoder"]),
        .target(
            name: "ConsultReport",
            dependencies: [
                "ConsultationModel", "PersonalData", "PopulationWeighting", "CodingQuality", "ConsultStore", "Statistics", "Digests",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The HTTP service behind `consult serve`: ingest, read API, forms, tokens (README "consult serve").
        .target(
            name: "ConsultService",
            dependencies: [
                "Postgres", "ConsultationModel", "FileReading", "SurveyExports", "ConsultStore", "ConsultIngest", "ConsultReport", "Statistics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("openapi.json")]
        ),
        .target(name: "SyntheticSample"),
        // Optimised in debug builds too: training fits thousands of sparse regressions, which the
        // unoptimised build runs ~10x slower, and the test suite trains on the 1,200 coded answers.
        .target(name: "ThemeSuggestion", dependencies: ["ConsultationModel", "CodingQuality", "Digests"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // The small BERT encoder (all-MiniLM-L6-v2): tokeniser, weights, forward and backward pass, fine-tuning.
        // Optimised in debug builds too: an unoptimised forward pass is ~100x slower, and tests run it.
        .target(
            name: "TransformerEncoder",
            dependencies: ["COpenBLAS", "Digests", "FileReading", "Statistics"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // The transformer as a theme coder: fine-tuned on coded examples, calibrated on a validation split,
        // its record (provenance) and its weights file.
        .target(name: "TransformerCoding", dependencies: ["TransformerEncoder", "ThemeSuggestion", "Digests", "Statistics"]),
        .executableTarget(
            name: "consult",
            dependencies: [
                "Postgres", "EmbeddedPostgres", "FileReading", "ConsultationModel", "PersonalData", "SurveyExports", "RuleCoding",
                "CodingQuality", "QDAExchange", "PopulationWeighting", "ExportShapes", "Workbooks", "ConsultStore", "ConsultIngest",
                "ConsultCoding", "ConsultReport", "ConsultService", "SyntheticSample", "Statistics", "ThemeSuggestion", "TransformerEncoder", "TransformerCoding",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Rule-coder throughput, and suggestion-model training, without a database (BENCHMARKS.md); not part of the CLI contract.
        .executableTarget(
            name: "coding-bench", dependencies: ["ConsultationModel", "RuleCoding", "Digests", "SyntheticSample", "ThemeSuggestion", crypto],
            path: "Benchmarks/CodingBenchmark"
        ),
        // Transformer inference and fine-tuning speed, memory and held-out F1 (BENCHMARKS.md).
        .executableTarget(
            name: "transformer-bench", dependencies: ["TransformerEncoder", "CodingQuality", "FileReading", "Statistics", "ConsultationModel", "RuleCoding", "ThemeSuggestion"],
            path: "Benchmarks/TransformerBenchmark"
        ),
        // Helpers every test target shares: the checkout's root, xmllint.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The shipped codebook and a coder over it, for every test target that checks codebook or coder.
        .target(name: "CodebookFixtures", dependencies: ["ConsultationModel", "RuleCoding", "TestSupport"], path: "Tests/CodebookFixtures"),
        .testTarget(name: "DigestsTests", dependencies: ["Digests", crypto]),
        .testTarget(name: "FileReadingTests", dependencies: ["FileReading"]),
        .testTarget(name: "RulePatternsTests", dependencies: ["RulePatterns"]),
        .testTarget(name: "ConsultationModelTests", dependencies: ["ConsultationModel", "FileReading", "RuleCoding", "CodebookFixtures", "TestSupport"]),
        .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData", "Digests", "FileReading", "Statistics", "TestSupport", crypto]),
        .testTarget(name: "SurveyExportsTests", dependencies: ["SurveyExports", "ConsultationModel", "FileReading", "PersonalData", "Statistics", "TestSupport"]),
        .testTarget(
            name: "RuleCodingTests",
            dependencies: [
                "RuleCoding", "RulePatterns", "ConsultationModel", "CodingQuality", "Digests", "FileReading", "Statistics", "CodebookFixtures",
                "TestSupport",
            ]
        ),
        .testTarget(name: "CodingQualityTests", dependencies: ["CodingQuality", "ConsultationModel", "FileReading", "Statistics", "CodebookFixtures", "TestSupport"]),
        .testTarget(name: "QDAExchangeTests", dependencies: ["QDAExchange", "ConsultationModel", "CodebookFixtures", "TestSupport"]),
        .testTarget(name: "PopulationWeightingTests", dependencies: ["PopulationWeighting", "ConsultationModel", "Statistics", "TestSupport"]),
        .testTarget(
            name: "ExportShapesTests",
            dependencies: ["ExportShapes", "ConsultationModel", "FileReading", "PersonalData", "SurveyExports", "Workbooks", "TestSupport"]
        ),
        .testTarget(name: "ConsultServiceTests", dependencies: ["ConsultService", "ConsultationModel", "ConsultStore", "TestSupport"]),
        .testTarget(name: "TransformerEncoderTests", dependencies: ["TransformerEncoder", "Statistics", "TestSupport"]),
        .testTarget(name: "TransformerCodingTests", dependencies: ["TransformerCoding", "TransformerEncoder", "ThemeSuggestion", "Digests", "TestSupport"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"]),
        .testTarget(name: "SyntheticSampleTests", dependencies: ["SyntheticSample"]),
        .testTarget(
            name: "ThemeSuggestionTests",
            dependencies: ["ThemeSuggestion", "ConsultationModel", "CodingQuality", "FileReading", "RuleCoding", "SyntheticSample", "TestSupport"]
        ),
        .testTarget(name: "ConsultReportTests", dependencies: ["ConsultReport", "ConsultationModel", "ConsultStore", "Statistics", "TestSupport"]),
        .testTarget(
            name: "ConsultDatabaseTests",
            dependencies: [
                "Postgres", "EmbeddedPostgres", "FileReading", "ConsultationModel", "PersonalData", "SurveyExports", "RuleCoding",
                "CodingQuality", "QDAExchange", "PopulationWeighting", "ConsultStore", "ConsultIngest", "ConsultCoding", "ConsultReport",
                "ExportShapes", "ConsultService", "CodebookFixtures", "TestSupport", "ThemeSuggestion", "TransformerCoding", "TransformerEncoder",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
