// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Annals",
    products: [
        .executable(name: "annals", targets: ["annals"]),
        .library(name: "AnnalsCore", targets: ["AnnalsCore"]),
        .library(name: "AnnalsStore", targets: ["AnnalsStore"]),
        .library(name: "AnnalsPostgres", targets: ["AnnalsPostgres"]),
        .library(name: "AnnalsServer", targets: ["AnnalsServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "AnnalsCore",
            resources: [
                .copy("Resources/Dictionaries"),
                .copy("Resources/Ontology"),
                .copy("Resources/Model"),
                .copy("Resources/Gazetteer"),
                .copy("Resources/Grammar"),
            ]
        ),
        .target(
            name: "AnnalsStore",
            dependencies: [
                "AnnalsCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // PostgreSQL backend of the store, in its own target so AnnalsCore/AnnalsStore build without postgres-nio.
        .target(
            name: "AnnalsPostgres",
            dependencies: [
                "AnnalsCore",
                "AnnalsStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The HTTP API and web explorer: Hummingbird lives only here, so core tests do not build it.
        .target(
            name: "AnnalsServer",
            dependencies: [
                "AnnalsCore",
                "AnnalsStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [
                .copy("Resources/openapi.json"),
                .copy("Resources/Explorer"),
            ]
        ),
        .executableTarget(
            name: "annals",
            dependencies: [
                "AnnalsCore",
                "AnnalsStore",
                "AnnalsPostgres",
                "AnnalsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "AnnalsCoreTests",
            dependencies: ["AnnalsCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AnnalsStoreTests",
            dependencies: ["AnnalsStore", "AnnalsCore"]
        ),
        .testTarget(
            name: "AnnalsPostgresTests",
            dependencies: ["AnnalsPostgres", "AnnalsStore", "AnnalsCore"]
        ),
        .testTarget(
            name: "AnnalsServerTests",
            dependencies: [
                "AnnalsServer", "AnnalsStore", "AnnalsCore", "AnnalsPostgres",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
