// swift-tools-version:6.2
import PackageDescription

// Benchmark drivers for the pure cores, kept out of the product. Build with
// `swift build -c release --package-path bench`; each area's script in bench/<area>/ runs the
// driver and its peer (pandas, DuckDB, NumPy, pvlib) on the same data.
let package = Package(
    name: "PowerhouseBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Powerhouse", path: "..")],
    targets: [
        .executableTarget(name: "series-bench", dependencies: [.product(name: "Series", package: "Powerhouse")]),
        .executableTarget(name: "solar-bench", dependencies: [.product(name: "Solar", package: "Powerhouse")]),
        .executableTarget(name: "grid-bench", dependencies: [
            .product(name: "GridModel", package: "Powerhouse"), .product(name: "Solar", package: "Powerhouse"),
        ]),
        .executableTarget(name: "plants-bench", dependencies: [.product(name: "PlantData", package: "Powerhouse")]),
    ],
    swiftLanguageModes: [.v6]
)
