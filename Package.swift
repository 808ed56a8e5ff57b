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
    ],
    targets: [
        .target(name: "NhacHanCore", swiftSettings: strictSettings),
        .target(
            name: "NhacHanConfig",
            dependencies: ["NhacHanCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "nhachan",
            dependencies: [
                "NhacHanCore", "NhacHanConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "bench-calendar", dependencies: ["NhacHanCore"], path: "bench/calendar", swiftSettings: strictSettings),
        .executableTarget(name: "bench-plan", dependencies: ["NhacHanCore"], path: "bench/plan", swiftSettings: strictSettings),
        .testTarget(name: "NhacHanCoreTests", dependencies: ["NhacHanCore"], swiftSettings: strictSettings),
        .testTarget(name: "NhacHanConfigTests", dependencies: ["NhacHanConfig", "NhacHanCore"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
