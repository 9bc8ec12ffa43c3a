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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
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
            dependencies: ["FormwrightCore", "CYAML"],
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
        .testTarget(name: "FormwrightCoreTests", dependencies: ["FormwrightCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FormwrightDefinitionTests",
            dependencies: ["FormwrightDefinition"],
            resources: [.copy("Fixtures")],
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
            swiftSettings: swiftSettings
        ),
    ]
)
