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
        // The HTTP service behind `consult serve`: ingest, read API, forms, tokens (README "consult serve").
        .target(
            name: "ConsultService",
            dependencies: [
                "Postgres", "ConsultCore", "ConsultStore", "ConsultIngest", "ConsultReport", "Statistics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("openapi.json")]
        ),
        .target(name: "SyntheticSample"),
        // Optimised in debug builds too: training fits thousands of sparse regressions, which the
        // unoptimised build runs ~10x slower, and the test suite trains on the 1,200 coded answers.
        .target(name: "ThemeSuggestion", dependencies: ["ConsultCore"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .executableTarget(
            name: "consult",
            dependencies: [
                "Postgres", "EmbeddedPostgres", "ConsultCore", "ConsultStore", "ConsultIngest",
                "ConsultCoding", "ConsultReport", "ConsultService", "SyntheticSample", "Statistics", "ThemeSuggestion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Rule-coder throughput, and suggestion-model training, without a database (BENCHMARKS.md); not part of the CLI contract.
        .executableTarget(name: "coding-bench", dependencies: ["ConsultCore", "SyntheticSample", "ThemeSuggestion"], path: "Benchmarks/CodingBenchmark"),
        // Helpers every test target shares: the checkout's root, xmllint.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ConsultCoreTests", dependencies: ["ConsultCore", "Statistics", "TestSupport"]),
        .testTarget(name: "ConsultServiceTests", dependencies: ["ConsultService", "ConsultCore", "ConsultStore", "TestSupport"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"]),
        .testTarget(name: "SyntheticSampleTests", dependencies: ["SyntheticSample"]),
        .testTarget(name: "ThemeSuggestionTests", dependencies: ["ThemeSuggestion", "ConsultCore", "SyntheticSample", "TestSupport"]),
        .testTarget(name: "ConsultReportTests", dependencies: ["ConsultReport", "ConsultCore", "ConsultStore", "TestSupport"]),
        .testTarget(
            name: "ConsultDatabaseTests",
            dependencies: [
                "Postgres", "EmbeddedPostgres", "ConsultCore", "ConsultStore", "ConsultIngest", "ConsultCoding", "ConsultReport",
                "ConsultService", "TestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
