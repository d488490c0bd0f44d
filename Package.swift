// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "policy-site",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "policy-site", targets: ["policy-site"]),
        .library(name: "PolicySiteKit", targets: ["PolicySiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        /// The cmark-gfm C library (Debian libcmark-gfm-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        /// mimalloc (Debian libmimalloc-dev), linked into the executables so it replaces the C
        /// library's malloc for the whole process: a build allocates and frees millions of small
        /// objects from two threads at once.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        /// Swift value types for a Markdown document; the only module that imports CCmarkGFM.
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        /// SHA-256 in C, with the x86 SHA extensions where the processor has them: every policy's
        /// text is fingerprinted on each build.
        .target(name: "CSHA256"),
        /// The generator engine: load, parse, resolve, render, write.
        .target(
            name: "PolicySiteKit",
            dependencies: [
                "Markdown",
                "CSHA256",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        /// The preview server (`policy-site serve`): rebuilds on change and reloads the open page.
        /// Kept apart so PolicySiteKit does not depend on a web server.
        .target(
            name: "PolicySiteServer",
            dependencies: [
                "PolicySiteKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        /// The command-line tool: maps flags to options and calls PolicySiteKit.
        .executableTarget(
            name: "policy-site",
            dependencies: [
                "PolicySiteKit",
                "PolicySiteServer",
                "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// `make bench`'s rebuild measurement: one policy edited and rebuilt as the preview server does.
        .executableTarget(name: "policy-site-bench", dependencies: ["PolicySiteKit", "CMimalloc"]),
        /// The fuzz target (scripts/fuzz.sh builds it with libFuzzer); built plainly, it replays inputs.
        .executableTarget(name: "policy-site-fuzz", dependencies: ["PolicySiteKit", "CLibFuzzer"]),
        /// libFuzzer's driver declaration, for the fuzz target's entry point (header only).
        .systemLibrary(name: "CLibFuzzer"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(
            name: "PolicySiteKitTests",
            dependencies: ["PolicySiteKit", "Markdown"]
        ),
        .testTarget(
            name: "PolicySiteCommandTests",
            dependencies: ["PolicySiteServer", "PolicySiteKit", "policy-site"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
