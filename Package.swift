// swift-tools-version:6.0
import PackageDescription

/// consult: the analysis side of a public consultation, on PostgreSQL through libpq.
/// Module layout and the reason for each dependency are in README.md ("How the code is laid out").
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
        .target(name: "ConsultCore", dependencies: ["Statistics", .product(name: "Yams", package: "Yams")]),
        .target(name: "ConsultStore", dependencies: ["Postgres", "ConsultCore"]),
        .target(name: "ConsultIngest", dependencies: ["ConsultCore", "ConsultStore"]),
        .target(name: "ConsultCoding", dependencies: ["ConsultCore", "ConsultStore", "ThemeSuggestion"]),
        .target(
            name: "ConsultReport",
            dependencies: ["ConsultCore", "ConsultStore", "Statistics", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(name: "SyntheticSample"),
        // Optimised in debug builds too: training fits thousands of sparse regressions, which the
        // unoptimised build runs ~10x slower, and the test suite trains on the 1,200 coded answers.
        .target(name: "ThemeSuggestion", dependencies: ["ConsultCore"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // The small BERT encoder (all-MiniLM-L6-v2): tokeniser, weights, forward and backward pass, fine-tuning.
        // Optimised in debug builds too: an unoptimised forward pass is ~100x slower, and tests run it.
        .target(
            name: "TransformerEncoder",
            dependencies: ["COpenBLAS", "ConsultCore", "Statistics"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .executableTarget(
            name: "consult",
            dependencies: [
                "Postgres", "EmbeddedPostgres", "ConsultCore", "ConsultStore", "ConsultIngest",
                "ConsultCoding", "ConsultReport", "SyntheticSample", "Statistics", "ThemeSuggestion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Rule-coder throughput, and suggestion-model training, without a database (BENCHMARKS.md); not part of the CLI contract.
        .executableTarget(name: "coding-bench", dependencies: ["ConsultCore", "SyntheticSample", "ThemeSuggestion"], path: "Benchmarks/CodingBenchmark"),
        // Transformer inference and fine-tuning speed, memory and held-out F1 (BENCHMARKS.md).
        .executableTarget(name: "transformer-bench", dependencies: ["TransformerEncoder", "ConsultCore", "Statistics"], path: "Benchmarks/TransformerBenchmark"),
        // Helpers every test target shares: the checkout's root, xmllint.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ConsultCoreTests", dependencies: ["ConsultCore", "Statistics", "TestSupport"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"]),
        .testTarget(name: "SyntheticSampleTests", dependencies: ["SyntheticSample"]),
        .testTarget(name: "ThemeSuggestionTests", dependencies: ["ThemeSuggestion", "ConsultCore", "SyntheticSample", "TestSupport"]),
        .testTarget(name: "TransformerEncoderTests", dependencies: ["TransformerEncoder", "Statistics", "TestSupport"]),
        .testTarget(name: "ConsultReportTests", dependencies: ["ConsultReport", "ConsultCore", "ConsultStore", "TestSupport"]),
        .testTarget(
            name: "ConsultDatabaseTests",
            dependencies: [
                "Postgres", "EmbeddedPostgres", "ConsultCore", "ConsultStore", "ConsultIngest", "ConsultCoding", "ConsultReport",
                "TestSupport",
            ]
        ),
    ]
)
