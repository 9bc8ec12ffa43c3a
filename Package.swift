// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "formwright",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "formwright", targets: ["formwright"]),
        .library(name: "FormwrightCore", targets: ["FormwrightCore"]),
        .library(name: "FormwrightDefinition", targets: ["FormwrightDefinition"]),
        .library(name: "FormwrightExpressions", targets: ["FormwrightExpressions"]),
        .library(name: "FormwrightStorage", targets: ["FormwrightStorage"]),
        .library(name: "FormwrightSQLite", targets: ["FormwrightSQLite"]),
        .library(name: "FormwrightPostgres", targets: ["FormwrightPostgres"]),
        .library(name: "FormwrightHTTPClient", targets: ["FormwrightHTTPClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "FormwrightCore", swiftSettings: swiftSettings),
        .target(name: "FormwrightExpressions", dependencies: ["FormwrightCore"], swiftSettings: swiftSettings),
        .target(
            name: "FormwrightDefinition",
            dependencies: ["FormwrightCore", "FormwrightExpressions", "CYAML"],
            swiftSettings: swiftSettings
        ),
        .target(name: "FormwrightStorage", dependencies: ["FormwrightCore"], swiftSettings: swiftSettings),
        .target(
            name: "FormwrightSQLite",
            dependencies: ["FormwrightStorage", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FormwrightPostgres",
            dependencies: ["FormwrightStorage", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FormwrightRuntime",
            dependencies: [
                "FormwrightCore", "FormwrightDefinition", "FormwrightExpressions", "FormwrightStorage",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FormwrightHTTPClient",
            dependencies: [
                "FormwrightCore", "FormwrightRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FormwrightServer",
            dependencies: [
                "FormwrightCore", "FormwrightDefinition", "FormwrightRuntime", "FormwrightStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "formwright",
            dependencies: [
                "FormwrightCore",
                "FormwrightDefinition",
                "FormwrightExpressions",
                "FormwrightRuntime",
                "FormwrightHTTPClient",
                "FormwrightServer",
                "FormwrightSQLite",
                "FormwrightPostgres",
                "FormwrightStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightServerTests",
            dependencies: [
                "FormwrightServer", "FormwrightRuntime", "FormwrightStorage", "FormwrightDefinition",
                "FormwrightHTTPClient",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightRuntimeTests",
            dependencies: [
                "FormwrightRuntime", "FormwrightStorage", "FormwrightDefinition", "FormwrightExpressions", "FormwrightSQLite",
                "FormwrightPostgres", "FormwrightHTTPClient", .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["Forecasts/Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightHTTPClientTests",
            dependencies: [
                "FormwrightHTTPClient", "FormwrightRuntime", "FormwrightCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "FormwrightCoreTests", dependencies: ["FormwrightCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FormwrightDefinitionTests",
            dependencies: ["FormwrightDefinition", "FormwrightExpressions"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        // The backend conformance suite lives with the storage tests and runs over every backend.
        .testTarget(
            name: "FormwrightStorageTests",
            dependencies: ["FormwrightStorage", "FormwrightSQLite", "FormwrightPostgres"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightPostgresTests",
            dependencies: ["FormwrightPostgres", "FormwrightStorage", "FormwrightCore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightSQLiteTests",
            dependencies: ["FormwrightSQLite", "FormwrightStorage", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightExpressionsTests",
            dependencies: ["FormwrightExpressions"],
            exclude: ["conformance-exclusions.txt"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightCLITests",
            dependencies: [
                "formwright", "FormwrightCore", "FormwrightStorage", "FormwrightSQLite", "FormwrightPostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: swiftSettings
        ),
    ]
)

// Benchmarks build only when asked, so everyday builds stay fast:
// FORMWRIGHT_BENCHMARKS=1 swift build -c release --product NAME (see Benchmarks/README.md)
if Context.environment["FORMWRIGHT_BENCHMARKS"] != nil {
    package.targets += [
        .executableTarget(
            name: "CheckBenchmark",
            dependencies: ["FormwrightDefinition", "CYAML"],
            path: "Benchmarks/CheckBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ExpressionsBenchmark",
            dependencies: ["FormwrightExpressions", "FormwrightCore"],
            path: "Benchmarks/ExpressionsBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StorageBenchmark",
            dependencies: ["FormwrightSQLite", "FormwrightStorage", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/storage",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "HTTPBaseline",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/HTTPBaseline",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SubmissionBenchmark",
            dependencies: ["FormwrightDefinition", "FormwrightRuntime", "FormwrightStorage", "FormwrightCore"],
            path: "Benchmarks/SubmissionBenchmark",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PagingWorkload",
            dependencies: ["FormwrightStorage", "FormwrightCore"],
            path: "Benchmarks/PagingWorkload",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SQLitePagingBenchmark",
            dependencies: ["PagingWorkload", "FormwrightSQLite"],
            path: "Benchmarks/paging-sqlite",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "PostgresPagingBenchmark",
            dependencies: ["PagingWorkload", "FormwrightPostgres", "FormwrightStorage"],
            path: "Benchmarks/paging-postgres",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SentimentBenchmark",
            dependencies: ["FormwrightRuntime"],
            path: "Benchmarks/SentimentBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "PostgresBenchmark",
            dependencies: ["FormwrightPostgres", "FormwrightStorage", "FormwrightCore", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Benchmarks/postgres",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ForecastBenchmark",
            dependencies: ["FormwrightDefinition", "FormwrightRuntime", "FormwrightSQLite", "FormwrightStorage", "FormwrightCore"],
            path: "Benchmarks/ForecastBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "WorkflowBenchmark",
            dependencies: ["FormwrightDefinition", "FormwrightRuntime", "FormwrightSQLite", "FormwrightStorage", "FormwrightCore"],
            path: "Benchmarks/WorkflowBenchmark",
            swiftSettings: swiftSettings
        ),
    ]
}
