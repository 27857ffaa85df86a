// swift-tools-version:6.0
import PackageDescription

// The targets are the pipeline: each imports only targets above it in this list, so the compiler
// keeps the direction Source → Syntax → Model → Rules/Secrets → Engine → Report/Fix → command line.
// Linux (glibc) only for now: the code calls glibc by name (`Glibc.write`, `mallopt`) and reads
// /proc/self/exe, so no Apple platform is declared.
let package = Package(
    name: "sot-lint",
    products: [
        .executable(name: "sot-lint", targets: ["sot-lint"]),
        .library(name: "SOTEngine", targets: ["SOTEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // SHA-256 for secret fingerprints and content hashes on Linux.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            path: "Sources/CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Bytes, paths, positions, discovery, git objects: reading inputs.
        .target(name: "SOTSource", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // cmark + Yams: profile-free syntax of one file.
        .target(name: "SOTSyntax", dependencies: ["SOTSource", "CCmark", .product(name: "Yams", package: "Yams")]),
        // The profile and the SOT model it reads out of syntax: documents, issues, workspace.
        .target(name: "SOTModel", dependencies: ["SOTSource", "SOTSyntax", .product(name: "Yams", package: "Yams")]),
        // The rule protocol and every SOT rule.
        .target(name: "SOTRules", dependencies: ["SOTSource", "SOTSyntax", "SOTModel"]),
        // The secret catalog, scanner and the secret rules.
        .target(name: "SOTSecrets", dependencies: ["SOTSource", "SOTSyntax", "SOTModel", "SOTRules",
                                                   .product(name: "Crypto", package: "swift-crypto")]),
        // LintSession: inputs, cache, orchestration.
        .target(name: "SOTEngine", dependencies: ["SOTSource", "SOTSyntax", "SOTModel", "SOTRules", "SOTSecrets"]),
        // One reporter per output format.
        .target(name: "SOTReport", dependencies: ["SOTSource", "SOTModel", "SOTRules", "SOTSecrets", "SOTEngine"]),
        // Applying fixes: edits and atomic writes.
        .target(name: "SOTFix", dependencies: ["SOTSource", "SOTModel", "SOTRules", "SOTEngine"]),
        // The language server (`sot-lint lsp`): a client of LintSession like the command line, with the fixer's
        // edits for its code actions and rename.
        .target(name: "SOTServer", dependencies: ["SOTSource", "SOTSyntax", "SOTModel", "SOTRules", "SOTSecrets", "SOTEngine", "SOTFix"]),
        .executableTarget(
            name: "sot-lint",
            dependencies: ["SOTSource", "SOTModel", "SOTRules", "SOTSecrets", "SOTEngine", "SOTReport", "SOTFix", "SOTServer",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/sot-lint"
        ),
        .executableTarget(
            name: "sot-lint-bench",
            dependencies: ["SOTSource", "SOTSyntax", "SOTModel", "SOTRules", "SOTSecrets"],
            path: "Benchmarks/SecretScan"
        ),
        .testTarget(
            name: "SOTLintTests",
            dependencies: ["SOTSource", "SOTSyntax", "SOTModel", "SOTRules", "SOTSecrets", "SOTEngine", "SOTReport", "SOTFix", "SOTServer"],
            path: "Tests/SOTLintTests"
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["SOTSource", "SOTSyntax", "SOTModel", "SOTRules", "SOTSecrets", "SOTEngine", "SOTReport", "SOTFix", "SOTServer"],
            path: "Tests/EndToEndTests"
        ),
    ]
)
