// swift-tools-version:6.0
// foundry-emulator: a local emulator of the Azure control plane behind Azure AI Foundry.
// No third-party Swift packages: Foundation, Glibc and Debian's OpenSSL only.
// Linux only: the server's event loops are epoll and eventfd through Glibc (Sources/EmulatorHTTP), so
// there is no `platforms` entry for an Apple platform the code would not build on.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "FoundryEmulator",
    products: [
        .executable(name: "foundry-emulator", targets: ["foundry-emulator"])
    ],
    targets: [
        // OpenSSL (libssl-dev): TLS, RSA signing, hashing, certificate generation.
        .target(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            linkerSettings: [.linkedLibrary("ssl"), .linkedLibrary("crypto")]
        ),
        // Sockets, epoll event loops, HTTP/1.1 codec, TLS.
        .target(name: "EmulatorHTTP", dependencies: ["COpenSSL"], swiftSettings: strict),
        // JSON values, the strict byte-level parser (JSON.NET's error texts) and the writer. Pure.
        .target(name: "JSON", swiftSettings: strict),
        // ARM conventions: resource ids, api-version, envelopes, errors, LRO, paging, ETags, router, store.
        .target(name: "ARMCore", dependencies: ["JSON", "EmulatorHTTP", "COpenSSL"], swiftSettings: strict),
        // Entra ID: directory, token service, JWT, managed identity.
        .target(name: "Identity", dependencies: ["ARMCore", "JSON", "EmulatorHTTP", "COpenSSL"], swiftSettings: strict),
        // ARM template language and deployment planning: pure, no I/O (ARMCore for JSONValue, OpenSSL for SHA-1).
        .target(name: "ARMTemplates", dependencies: ["ARMCore", "JSON", "COpenSSL"], swiftSettings: strict),

        // The RBAC engine: built-in role catalog (data), action matching, ABAC conditions, evaluator,
        // the authorization middleware. Pure: ARMCore only.
        .target(
            name: "Authorization",
            dependencies: ["ARMCore", "JSON"],
            resources: [.embedInCode("BuiltInRoles.json")],
            swiftSettings: strict
        ),
        // Microsoft.Authorization: roleAssignments, roleDefinitions, permissions (the ARM face of the engine).
        .target(
            name: "AuthorizationProvider",
            dependencies: ["ARMCore", "JSON", "Identity", "Authorization"],
            path: "Sources/Providers/Authorization",
            swiftSettings: strict
        ),
        // Microsoft.Resources: subscriptions, tenants, locations, resource groups, resources, providers, metadata.
        .target(
            name: "ResourcesProvider",
            dependencies: ["ARMCore", "JSON", "EmulatorHTTP", "Identity", "ARMTemplates"],
            path: "Sources/Providers/Resources",
            swiftSettings: strict
        ),
        // Microsoft.CognitiveServices: accounts, deployments, model catalog and quota, projects,
        // connections, raiPolicies. The catalog is data, embedded so the product stays one binary.
        .target(
            name: "CognitiveServicesProvider",
            dependencies: ["ARMCore", "JSON", "EmulatorHTTP"],
            path: "Sources/Providers/CognitiveServices",
            resources: [.embedInCode("ModelCatalog.json")],
            swiftSettings: strict
        ),
        // Minimal Storage / KeyVault / ContainerRegistry / Insights resources a hub depends on.
        .target(
            name: "DependentsProvider",
            dependencies: ["ARMCore", "JSON", "EmulatorHTTP"],
            path: "Sources/Providers/Dependents",
            swiftSettings: strict
        ),
        // Microsoft.Insights: the activity log (recorder middleware, store, `$filter` parser, routes).
        .target(
            name: "InsightsProvider",
            dependencies: ["ARMCore", "JSON", "EmulatorHTTP"],
            path: "Sources/Providers/Insights",
            swiftSettings: strict
        ),
        // Microsoft.MachineLearningServices: hubs, projects, connections, outbound rules, computes, endpoints.
        .target(
            name: "MachineLearningServicesProvider",
            dependencies: ["ARMCore", "JSON", "Identity", "Authorization"],
            path: "Sources/Providers/MachineLearningServices",
            swiftSettings: strict
        ),
        // The hub control-plane proxy: workspace-scoped deployment routes -> RBAC on the workspace ->
        // forwarded over HTTP(S) with EmulatorHTTP's client to the account's resource manager. Imports no provider.
        .target(
            name: "ControlPlaneProxy",
            dependencies: ["ARMCore", "JSON", "EmulatorHTTP", "Identity", "Authorization"],
            swiftSettings: strict
        ),
        // Durable state (docs/durability-and-load.md): journal with group commit, snapshots, recovery, state export/import.
        .target(name: "Persistence", dependencies: ["ARMCore", "JSON", "Identity"], swiftSettings: strict),
        // What a model deployment answers: request parsing and validation, token estimates, the built-in
        // deterministic responder, embeddings, and the chat/completions/embeddings/responses wire shapes. Pure.
        .target(name: "ModelInference", dependencies: ["ARMCore", "JSON"], swiftSettings: strict),
        // The Azure OpenAI / Foundry data plane under /dataplane/{host}/: its own chain (account, key or
        // token, data actions, deployment, rate limits), model backends. Imports no provider.
        .target(
            name: "DataPlane", dependencies: ["ARMCore", "JSON", "EmulatorHTTP", "Identity", "Authorization", "ModelInference"],
            swiftSettings: strict),
        // The management-center web app (docs/portal.md): HTML, CSS and JavaScript modules embedded in the
        // binary; the page talks to the token service and ARM like any client.
        .target(
            name: "Portal",
            dependencies: ["EmulatorHTTP"],
            resources: [
                "index.html", "style.css", "icon.svg", "app.js", "api.js", "ui.js", "signin.js", "resources.js", "quota.js",
                "roles.js", "activity.js", "connections.js",
            ].map { .embedInCode("Assets/" + $0) },
            swiftSettings: strict
        ),
        // Composition root: wires providers, middleware, operator API, banner.
        .target(
            name: "Emulator",
            dependencies: [
                "EmulatorHTTP", "ARMCore", "JSON", "Identity", "ResourcesProvider", "CognitiveServicesProvider", "Authorization",
                "AuthorizationProvider", "DependentsProvider", "MachineLearningServicesProvider", "ControlPlaneProxy",
                "Persistence", "DataPlane", "InsightsProvider", "Portal",
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "foundry-emulator", dependencies: ["Emulator"], swiftSettings: strict),
        // libFuzzer targets (docs/hardening.md): a stub unless built by scripts/fuzz with -D FUZZING.
        .executableTarget(name: "FuzzHTTPParser", dependencies: ["EmulatorHTTP"], path: "Sources/Fuzz/HTTPParser", swiftSettings: strict),
        .executableTarget(
            name: "FuzzARMParsers", dependencies: ["ARMCore", "JSON", "ARMTemplates", "InsightsProvider"], path: "Sources/Fuzz/ARMParsers",
            swiftSettings: strict),
        .executableTarget(
            name: "FuzzDataPlaneBodies", dependencies: ["ARMCore", "JSON", "ModelInference", "DataPlane"],
            path: "Sources/Fuzz/DataPlaneBodies",
            swiftSettings: strict),

        // One test client (in-process and live), its Reply, path builders, the test authenticator.
        .target(
            name: "ARMTestSupport", dependencies: ["ARMCore", "JSON", "EmulatorHTTP", "Identity"], path: "Tests/ARMTestSupport",
            swiftSettings: strict),
        // The production ARM pipeline (Emulator.armPipeline) around the providers under test.
        .target(
            name: "ProviderTestSupport",
            dependencies: [
                "Emulator", "ARMTestSupport", "ARMCore", "Identity", "Authorization", "AuthorizationProvider", "InsightsProvider",
                "MachineLearningServicesProvider", "ControlPlaneProxy", "DependentsProvider",
            ],
            path: "Tests/ProviderTestSupport", swiftSettings: strict),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], swiftSettings: strict),
        .testTarget(name: "EmulatorHTTPTests", dependencies: ["EmulatorHTTP", "COpenSSL"], swiftSettings: strict),
        .testTarget(name: "ARMCoreTests", dependencies: ["ARMCore", "JSON", "ARMTestSupport", "EmulatorHTTP"], swiftSettings: strict),
        .testTarget(
            name: "IdentityTests", dependencies: ["Identity", "ARMTestSupport", "ARMCore", "JSON", "EmulatorHTTP"], exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(name: "ARMTemplatesTests", dependencies: ["ARMTemplates", "ARMCore", "JSON"], swiftSettings: strict),

        .testTarget(name: "AuthorizationTests", dependencies: ["Authorization", "ARMCore", "JSON"], swiftSettings: strict),
        .testTarget(
            name: "AuthorizationProviderTests",
            dependencies: [
                "AuthorizationProvider", "ResourcesProvider", "ProviderTestSupport", "ARMCore", "JSON", "ARMTestSupport", "Authorization",
                "EmulatorHTTP", "Identity",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ResourcesProviderTests",
            dependencies: ["ResourcesProvider", "ARMTestSupport", "ProviderTestSupport", "ARMCore", "JSON", "EmulatorHTTP", "Identity"],
            swiftSettings: strict),
        .testTarget(
            name: "CognitiveServicesProviderTests",
            dependencies: [
                "CognitiveServicesProvider", "ResourcesProvider", "Identity", "ARMTestSupport", "ProviderTestSupport", "ARMCore", "JSON",
                "EmulatorHTTP",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "MachineLearningServicesProviderTests",
            dependencies: [
                "MachineLearningServicesProvider", "DependentsProvider", "ResourcesProvider", "ARMTestSupport", "ProviderTestSupport",
                "ARMCore", "JSON", "EmulatorHTTP", "Identity",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InsightsProviderTests",
            dependencies: ["InsightsProvider", "ARMTestSupport", "ProviderTestSupport", "ARMCore", "JSON", "EmulatorHTTP", "Identity"],
            swiftSettings: strict),
        .testTarget(
            name: "DependentsProviderTests",
            dependencies: ["DependentsProvider", "ARMTestSupport", "ProviderTestSupport", "ARMCore", "EmulatorHTTP", "Identity"],
            swiftSettings: strict),
        .testTarget(
            name: "EmulatorTests",
            dependencies: [
                "Emulator", "ARMTestSupport", "ARMCore", "JSON", "AuthorizationProvider", "CognitiveServicesProvider", "ControlPlaneProxy",
                "DependentsProvider", "EmulatorHTTP", "Identity", "MachineLearningServicesProvider", "Persistence", "ResourcesProvider",
            ], swiftSettings: strict),
        .testTarget(name: "PortalTests", dependencies: ["Portal", "EmulatorHTTP"], swiftSettings: strict),
        .testTarget(
            name: "ControlPlaneProxyTests", dependencies: ["ControlPlaneProxy", "Authorization", "ARMCore", "JSON", "EmulatorHTTP"],
            swiftSettings: strict),
        .testTarget(name: "ModelInferenceTests", dependencies: ["ModelInference", "ARMCore", "JSON"], swiftSettings: strict),
        .testTarget(
            name: "DataPlaneTests", dependencies: ["DataPlane", "ARMCore", "JSON", "EmulatorHTTP", "Identity", "ARMTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "PersistenceTests", dependencies: ["Persistence", "ARMCore", "JSON", "Identity", "EmulatorHTTP"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
