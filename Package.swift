// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sot-lint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sot-lint", targets: ["sot-lint"]),
        .library(name: "SOTLint", targets: ["SOTLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // SHA-256 for secret fingerprints on Linux.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            path: "Sources/CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(
            name: "SOTLint",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/SOTLint"
        ),
        .executableTarget(
            name: "sot-lint",
            dependencies: ["SOTLint", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/sot-lint"
        ),
        .executableTarget(
            name: "sot-lint-bench",
            dependencies: ["SOTLint"],
            path: "Benchmarks/SecretScan"
        ),
        .testTarget(
            name: "SOTLintTests",
            dependencies: ["SOTLint"],
            path: "Tests/SOTLintTests"
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["SOTLint"],
            path: "Tests/EndToEndTests"
        ),
    ]
)
