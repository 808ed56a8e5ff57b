// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "nhachan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nhachan", targets: ["nhachan"]),
        .library(name: "NhacHanCore", targets: ["NhacHanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(name: "NhacHanCore", swiftSettings: strictSettings),
        .target(
            name: "NhacHanConfig",
            dependencies: ["NhacHanCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(name: "NhacHanSpawn", swiftSettings: strictSettings),
        .target(name: "NhacHanImport", dependencies: ["NhacHanCore", "NhacHanSpawn"], swiftSettings: strictSettings),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(
            name: "NhacHanDelivery",
            dependencies: [
                "NhacHanCore", "CCurl", "CCurlShim",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NhacHanStore",
            dependencies: [
                "NhacHanCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "NhacHanOutbox",
            dependencies: [
                "NhacHanCore", "NhacHanConfig", "NhacHanDelivery", "NhacHanStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(
            name: "NhacHanServer",
            dependencies: [
                "NhacHanCore", "NhacHanConfig", "NhacHanStore", "NhacHanOutbox", "NhacHanDelivery", "CXlsxWriter",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "NhacHanTestSupport", dependencies: ["NhacHanDelivery", "NhacHanSpawn"], swiftSettings: strictSettings),
        .executableTarget(
            name: "nhachan",
            dependencies: [
                "NhacHanCore", "NhacHanConfig", "NhacHanImport", "NhacHanDelivery", "NhacHanStore", "NhacHanOutbox", "NhacHanServer",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "bench-calendar", dependencies: ["NhacHanCore"], path: "bench/calendar", swiftSettings: strictSettings),
        .executableTarget(name: "bench-plan", dependencies: ["NhacHanCore"], path: "bench/plan", swiftSettings: strictSettings),
        .executableTarget(name: "bench-store", dependencies: ["NhacHanStore"], path: "bench/store", swiftSettings: strictSettings),
        .testTarget(name: "NhacHanSpawnTests", dependencies: ["NhacHanSpawn"], swiftSettings: strictSettings),
        .testTarget(name: "NhacHanCoreTests", dependencies: ["NhacHanCore"], swiftSettings: strictSettings),
        .testTarget(name: "NhacHanConfigTests", dependencies: ["NhacHanConfig", "NhacHanCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "NhacHanImportTests", dependencies: ["NhacHanImport", "NhacHanCore", "NhacHanSpawn", "NhacHanTestSupport", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures", "Golden"], swiftSettings: strictSettings),
        .testTarget(name: "NhacHanStoreTests", dependencies: ["NhacHanStore", "NhacHanSpawn", "NhacHanTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "NhacHanOutboxTests",
            dependencies: ["NhacHanOutbox", "NhacHanConfig", "NhacHanCore", "NhacHanStore", "NhacHanDelivery"],
            swiftSettings: strictSettings),
        .testTarget(name: "NhacHanDeliveryTests", dependencies: ["NhacHanDelivery", "NhacHanCore", "NhacHanTestSupport"], swiftSettings: strictSettings),
        .executableTarget(name: "bench-transports", dependencies: ["NhacHanDelivery", "NhacHanCore"], path: "bench/transports/swift", swiftSettings: strictSettings),
        .testTarget(
            name: "NhacHanServerTests",
            dependencies: [
                "NhacHanServer", "NhacHanConfig", "NhacHanCore", "NhacHanStore", "NhacHanOutbox", "NhacHanSpawn",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["nhachan", "NhacHanSpawn", "NhacHanTestSupport"], exclude: ["Golden"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
