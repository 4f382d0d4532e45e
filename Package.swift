// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "stdplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stdplan", targets: ["stdplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // GLPK from Debian's libglpk-dev. Debian ships no pkg-config file, so the module map links `glpk` itself.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(name: "GLPK", dependencies: ["CGLPK"]),
        .target(name: "PlanModel"),
        .target(name: "ScenarioFile", dependencies: ["PlanModel", .product(name: "Yams", package: "Yams")]),
        // The independent checker: value types in, violations out; it cannot see the optimizer's code.
        .target(name: "Validation", dependencies: ["PlanModel"]),
        // The resource-constrained project scheduling engine that proves PSPLIB optima.
        .target(name: "RCPSP", dependencies: ["GLPK"]),
        .target(name: "Scheduling", dependencies: ["PlanModel", "GLPK", "RCPSP", "Validation"]),
        .target(name: "Synthetic", dependencies: ["PlanModel"]),
        .target(name: "Risk", dependencies: ["PlanModel", "Scheduling", "RCPSP", "Validation"]),
        .target(name: "Reports", dependencies: ["PlanModel", "ScenarioFile", "Scheduling", "Risk", "Validation"]),
        .executableTarget(
            name: "stdplan",
            dependencies: [
                "PlanModel", "ScenarioFile", "Scheduling", "RCPSP", "Validation", "Risk", "Reports", "Synthetic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "ScenarioFileTests", dependencies: ["ScenarioFile", "PlanModel"]),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "RCPSP", "Validation", "PlanModel", "ScenarioFile", "Synthetic"]),
        .testTarget(name: "RCPSPTests", dependencies: ["RCPSP"]),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "Scheduling", "Validation", "PlanModel", "ScenarioFile"],
            exclude: ["Golden"]  // read through #filePath, so they stay reviewable files in the repo
        ),
        .testTarget(name: "RiskTests", dependencies: ["Risk", "Scheduling", "Validation", "PlanModel", "ScenarioFile", "Reports"]),
        .testTarget(name: "SyntheticTests", dependencies: ["Synthetic", "PlanModel", "ScenarioFile", "Scheduling", "Validation"]),
        .testTarget(name: "EndToEndTests", dependencies: ["stdplan", "Reports"]),  // Reports: display widths in the terminal tests
    ],
    swiftLanguageModes: [.v6]
)
