// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Annals",
    products: [
        .executable(name: "annals", targets: ["annals"]),
        .library(name: "AnnalsCore", targets: ["AnnalsCore"]),
        .library(name: "AnnalsStore", targets: ["AnnalsStore"]),
        .library(name: "AnnalsPostgres", targets: ["AnnalsPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        .target(
            name: "AnnalsCore",
            resources: [
                .copy("Resources/Dictionaries"),
                .copy("Resources/Ontology"),
                .copy("Resources/Model"),
                .copy("Resources/Gazetteer"),
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
        .executableTarget(
            name: "annals",
            dependencies: [
                "AnnalsCore",
                "AnnalsStore",
                "AnnalsPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
    ],
    swiftLanguageModes: [.v6]
)
