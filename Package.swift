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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
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
            name: "FormwrightRuntime",
            dependencies: ["FormwrightCore", "FormwrightDefinition", "FormwrightExpressions", "FormwrightStorage"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "formwright",
            dependencies: [
                "FormwrightCore",
                "FormwrightDefinition",
                "FormwrightExpressions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightRuntimeTests",
            dependencies: ["FormwrightRuntime", "FormwrightStorage", "FormwrightDefinition", "FormwrightExpressions"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "FormwrightCoreTests", dependencies: ["FormwrightCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FormwrightDefinitionTests",
            dependencies: ["FormwrightDefinition", "FormwrightExpressions"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "FormwrightStorageTests", dependencies: ["FormwrightStorage"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FormwrightSQLiteTests",
            dependencies: ["FormwrightSQLite", "FormwrightStorage"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightExpressionsTests",
            dependencies: ["FormwrightExpressions"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormwrightCLITests",
            dependencies: ["formwright"],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: swiftSettings
        ),
    ]
)

// Benchmarks build only when asked, so everyday builds stay fast: FORMWRIGHT_BENCHMARKS=1 swift run -c release …
if Context.environment["FORMWRIGHT_BENCHMARKS"] != nil {
    package.targets.append(
        .executableTarget(
            name: "CheckBenchmark",
            dependencies: ["FormwrightDefinition", "CYAML"],
            path: "Benchmarks/CheckBenchmark",
            swiftSettings: swiftSettings
        )
    )
    package.targets.append(
        .executableTarget(
            name: "SubmissionBenchmark",
            dependencies: ["FormwrightDefinition", "FormwrightRuntime", "FormwrightStorage", "FormwrightCore"],
            path: "Benchmarks/SubmissionBenchmark",
            swiftSettings: swiftSettings
        )
    )
}
