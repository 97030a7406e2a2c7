// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "orchestrator-planner",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "orchestrator-planner", targets: ["CLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/stencilproject/Stencil", from: "0.15.1"),
    ],
    targets: [
        // Value types shared by every module: the database-side catalogue, fingerprints. No dependencies.
        .target(name: "Catalogue"),
        // The C boundary: libpq through one shim header (pkg-config `libpq`, Debian `libpq-dev`).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // Reading Python without running it: lexer, parser, literals, module loading and name resolution.
        .target(name: "PythonSource"),
        // Reading domain models without Python: model source (over PythonSource), and YAML product configs.
        .target(
            name: "DomainModels", dependencies: ["Catalogue", "PythonSource", .product(name: "Yams", package: "Yams")]),
        // Diff, questions, SQL, plan file and its rendering. No database, no terminal.
        .target(
            name: "Planner",
            dependencies: ["Catalogue", "PythonSource", "Workflows", .product(name: "Yams", package: "Yams")]),
        // Alembic projects without Python: ini, revision graph, revision writer, alembic_version, the migrator.
        .target(name: "Alembic", dependencies: ["Catalogue", "PythonSource", "Postgres"]),
        // Workflow and task registrations read from Python source, orchestrator-core's own, workflow plans.
        .target(name: "Workflows", dependencies: ["Catalogue", "PythonSource"]),
        // Code generation from YAML product configs; the templates are resources rendered with Stencil.
        .target(
            name: "Generate",
            dependencies: [
                "Catalogue", "DomainModels", "PythonSource", .product(name: "Stencil", package: "Stencil"),
            ],
            resources: [.copy("Templates")]
        ),
        // Plan verification and application: a revision file, or execution in one transaction.
        .target(
            name: "Apply", dependencies: ["Catalogue", "Planner", "Alembic", "Snapshot", "Postgres", "Workflows"]),
        // libpq connection strings and connections, redaction, the querying protocol.
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        // The catalogue reader (over Postgres) and the SQLite snapshot file.
        .target(
            name: "Snapshot",
            dependencies: [
                "Catalogue",
                "Postgres",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Scheduled jobs (snapshot, drift check, stale plans) with their job store and run loop, and the read-only
        // view of orchestrator-core's APScheduler jobs (a restricted pickle reader, time zones from the tz database).
        .target(
            name: "Scheduler",
            dependencies: [
                "Catalogue", "Snapshot", "Planner", "Apply", "Postgres", "DomainModels",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The command tree. Holds no domain logic.
        .executableTarget(
            name: "CLI",
            dependencies: [
                "Catalogue",
                "Apply",
                "Alembic",
                "DomainModels",
                "Planner",
                "Snapshot",
                "Postgres",
                "Workflows",
                "Generate",
                "Scheduler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The readers of user input as fuzz targets (bench/fuzz/run builds them with libFuzzer; without it, the
        // binary replays files).
        .executableTarget(
            name: "orchestrator-planner-fuzz",
            dependencies: [
                "Catalogue", "PythonSource", "DomainModels", "Planner", "Postgres", "Workflows", "Scheduler",
            ],
            path: "bench/fuzz/Targets"
        ),
        // Helpers for tests only: the throwaway PostgreSQL cluster, running the built binary, temporary folders.
        .target(name: "TestSupport", dependencies: ["Catalogue"], path: "Tests/TestSupport"),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue", "TestSupport"]),
        .testTarget(
            name: "SnapshotTests",
            dependencies: [
                "Snapshot", "Postgres", "Catalogue", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ApplyTests",
            dependencies: ["Apply", "Alembic", "Planner", "Catalogue", "Snapshot", "DomainModels", "TestSupport"]),
        .testTarget(name: "AlembicTests", dependencies: ["Alembic", "Catalogue", "TestSupport"]),
        .testTarget(
            name: "PlannerTests",
            dependencies: ["Planner", "Catalogue", "DomainModels", "Snapshot", "Postgres", "TestSupport"]),
        .testTarget(name: "DomainModelsTests", dependencies: ["DomainModels", "Catalogue", "TestSupport"]),
        .testTarget(name: "PythonSourceTests", dependencies: ["PythonSource", "TestSupport"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "WorkflowsTests", dependencies: ["Workflows", "Catalogue", "PythonSource", "TestSupport"]),
        .testTarget(
            name: "SchedulerTests",
            dependencies: ["CLI", "Scheduler", "Catalogue", "Snapshot", "Postgres", "TestSupport"]),
        .testTarget(name: "GenerateTests", dependencies: ["Generate", "DomainModels", "Catalogue", "TestSupport"]),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "CLI", "Snapshot", "Catalogue", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
