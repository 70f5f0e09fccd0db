// swift-tools-version:6.2
import PackageDescription

// Pure cores (Series, GridModel, PlantData) import Foundation only (PlantData also reads xlsx
// through ZIPFoundation + XMLCoder): no server, no database. Storage, Platform, WebUI and Server
// are the edges; `powerhouse` is the one binary.
let package = Package(
    name: "Powerhouse",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "powerhouse", targets: ["powerhouse"]),
        // The pure cores are libraries too, so that bench/ (its own package) can drive them.
        .library(name: "Series", targets: ["Series"]),
        .library(name: "Solar", targets: ["Solar"]),
        .library(name: "GridModel", targets: ["GridModel"]),
        .library(name: "PlantData", targets: ["PlantData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    ],
    targets: [
        // MARK: pure cores
        // Calendar arithmetic on day numbers, shared by every core that needs it.
        .target(name: "TimeBase"),
        .target(name: "Series", dependencies: ["TimeBase"]),
        .target(name: "Solar", dependencies: ["TimeBase"]),
        .target(name: "GridModel", dependencies: ["Solar", "Series", "TimeBase"]),
        .target(name: "PlantData", dependencies: [
            "Series",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "XMLCoder", package: "XMLCoder"),
        ]),

        // MARK: edges
        .target(name: "Storage", dependencies: [
            "Series", "PlantData", "GridModel",
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "Platform", dependencies: [
            "Storage",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "Charts", dependencies: [
            "TimeBase",
            .product(name: "Plot", package: "Plot"),
        ]),
        .target(name: "WebUI", dependencies: [
            "Charts",
            .product(name: "Plot", package: "Plot"),
        ]),
        .target(name: "Server", dependencies: [
            "Series", "Solar", "GridModel", "PlantData", "Storage", "Platform", "WebUI", "Charts",
            .product(name: "Hummingbird", package: "hummingbird"),
        ], resources: [.copy("Public")]),
        .executableTarget(name: "powerhouse", dependencies: [
            "Server", "Platform", "Storage", "Solar", "GridModel", "PlantData", "Series",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: tests
        // Shared by the test targets: an empty database per test (SQLite, or a PostgreSQL schema).
        .target(name: "TestSupport", dependencies: [
            "Storage", .product(name: "PostgresNIO", package: "postgres-nio"),
        ], path: "Tests/TestSupport"),
        .testTarget(name: "SeriesTests", dependencies: ["Series"]),
        .testTarget(name: "SolarTests", dependencies: ["Solar"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GridModelTests", dependencies: ["GridModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlantDataTests", dependencies: ["PlantData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "TestSupport", "PlantData"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"], exclude: ["js", "Snapshots"]),
        .testTarget(name: "WebUITests", dependencies: ["WebUI"]),
        .testTarget(name: "ServerTests", dependencies: [
            "Server", "Platform", "Storage", "WebUI", "TestSupport", "PlantData",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Drives Chromium (chromedriver, WebDriver over HTTP) against a live server; skipped unless
        // POWERHOUSE_BROWSER_TESTS=1 (set by .ci/run, which installs chromium and chromium-driver).
        .testTarget(name: "BrowserTests", dependencies: [
            "Server", "Platform", "Storage", "TestSupport",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
