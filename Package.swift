// swift-tools-version: 6.1
import PackageDescription

/// One plugin folder: `Plugins/<Name>` is the target, its tests live in `Tests/<Name>Tests`.
func plugin(
    _ name: String, _ dependencies: [Target.Dependency] = [], tests: [Target.Dependency] = [], exclude: [String] = []
) -> [Target] {
    [
        .target(
            name: name,
            dependencies: ["Kernel", "Contracts"] + dependencies,
            path: "Plugins/\(name)",
            exclude: ["README.md", "sample.yaml"] + exclude
        ),
        .testTarget(
            name: "\(name)Tests",
            dependencies: [.target(name: name), "KernelTesting", "Kernel"] + tests,
            path: "Tests/\(name)Tests"
        ),
    ]
}

let nioCore: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")

let package = Package(
    name: "tether",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tether", targets: ["Standard"]),
        .library(name: "Kernel", targets: ["Kernel"]),
        .library(name: "KernelTesting", targets: ["KernelTesting"]),
        .library(name: "Contracts", targets: ["Contracts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .target(
            name: "Kernel",
            dependencies: [
                nioCore, logging, "Yams",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ],
            path: "Kernel",
            exclude: ["Testing", "README.md"]
        ),
        .target(
            name: "KernelTesting",
            dependencies: ["Kernel", nioCore, logging, .product(name: "NIOPosix", package: "swift-nio")],
            path: "Kernel/Testing"
        ),
        .target(
            name: "Contracts", dependencies: ["Kernel", .product(name: "Crypto", package: "swift-crypto")], path: "Plugins/Contracts",
            exclude: ["README.md"]),
        // the client-facing gRPC APIs (gateway.proto, manager.proto...), generated code committed: Scripts/generate-proto
        .target(
            name: "TetherAPIProto",
            dependencies: [
                .product(name: "GRPCCore", package: "grpc-swift-2"), .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), logging,
            ],
            path: "Plugins/APIProto", exclude: ["README.md", "Proto", "sample.yaml"]),
        .executableTarget(
            name: "Standard",
            dependencies: [
                "Kernel", "Contracts", "Observability", "GRPCLink", "Routing", "GatewayAPI", "Session", "WebUI", "Dashboard", "Redfish", "VNCTCP", "VNCWS", "Auth", "API", "Inventory", "IPMISOL", "CLI", logging, nioCore,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "RFB", .product(name: "WSClient", package: "swift-websocket"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Plugins/Standard",
            exclude: ["README.md"]
        ),
        .testTarget(
            name: "KernelTests",
            dependencies: ["Kernel", "KernelTesting", nioCore, logging],
            path: "Tests/KernelTests"
        ),
        .target(
            name: "CLI",
            dependencies: [
                "Kernel", "Contracts", nioCore, logging, "Yams",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "TetherAPIProto", .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ],
            path: "Plugins/CLI",
            exclude: ["README.md", "sample.yaml"]
        ),
        .testTarget(name: "CLITests", dependencies: ["CLI", "KernelTesting", "LabTesting"], path: "Tests/CLITests"),
        .systemLibrary(name: "CLibCrypto", path: "Plugins/Protocols/CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLZ4", path: "Plugins/Protocols/CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .target(name: "StreamCompression", dependencies: ["CLZ4"], path: "Plugins/Protocols/StreamCompression"),
        .target(
            name: "RFB",
            dependencies: [
                "CLibCrypto", "Kernel", nioCore, logging, .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Plugins/Protocols/RFB", exclude: ["README.md"]),
        .target(
            name: "VNCTesting", dependencies: ["RFB", "Kernel", nioCore, logging, .product(name: "NIOPosix", package: "swift-nio")],
            path: "Tests/VNCTesting", exclude: ["compare_png.py"]),
        .testTarget(
            name: "RFBTests",
            dependencies: [
                "RFB", "StreamCompression", "VNCTesting", "Kernel", nioCore, logging, .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/RFBTests"),
        .testTarget(
            name: "RoleTests",
            dependencies: ["Standard", "Kernel", "KernelTesting"],
            path: "Tests/RoleTests"
        ),
    ]
        + plugin("Observability", [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Metrics", package: "swift-metrics"),
        ], tests: [.product(name: "HummingbirdTesting", package: "hummingbird")])
        + plugin("GRPCLink", [
            "StreamCompression",
            .product(name: "GRPCCore", package: "grpc-swift-2"),
            .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Crypto", package: "swift-crypto"),
            nioCore, logging,
        ], tests: [
            "Contracts", nioCore, .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "GRPCCore", package: "grpc-swift-2"),
            .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        ], exclude: ["Proto"])
        + plugin("Routing", [.product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), logging], tests: ["Contracts"])
        + plugin("Session", [.product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), logging], tests: ["Contracts", "GatewayAPI"])
        + plugin("WebUI", [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"), nioCore, logging], tests: ["Contracts", "LabTesting"], exclude: ["screenshots"])
        + plugin("Dashboard", ["API", "Auth", "WebUI", "Storage", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "HTTPTypes", package: "swift-http-types"), nioCore, logging], tests: ["Auth", "Storage", "Contracts", "API"], exclude: ["screenshots"])
        + plugin("GatewayAPI", [
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), .product(name: "NIOWebSocket", package: "swift-nio"), nioCore, logging,
            "TetherAPIProto", .product(name: "GRPCCore", package: "grpc-swift-2"),
            .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], tests: [
            "Contracts", nioCore, logging, .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOWebSocket", package: "swift-nio"),
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"), "GatewayTesting",
        ])
        + plugin("Redfish", [
            .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            nioCore, logging,
        ], tests: ["Contracts", "Routing", "GatewayAPI", logging], exclude: ["sample-bmc-password"])
        + plugin("VNCTCP", ["RFB", nioCore, logging], tests: ["Contracts", "RFB", "VNCTesting", nioCore, logging])
        + plugin("VNCWS", [
            "RFB", "VNCTCP", nioCore, logging, .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ], tests: ["Contracts", "RFB", "VNCTCP", "VNCTesting", nioCore, logging])
        + plugin("Storage", [.product(name: "SQLiteNIO", package: "sqlite-nio"), .product(name: "PostgresNIO", package: "postgres-nio"), logging],
                 tests: ["PostgresTesting", logging])
        + plugin("Auth", [
            "Storage", .product(name: "JWTKit", package: "jwt-kit"), .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), nioCore, logging,
        ], tests: [
            "Storage", "LabTesting", .product(name: "Crypto", package: "swift-crypto"), .product(name: "AsyncHTTPClient", package: "async-http-client"), nioCore,
        ])
        + plugin("Inventory", ["Auth", "Storage", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), logging], tests: ["Auth", "Storage", "Routing"])
        + plugin("API", [
            "Auth", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"), nioCore,
            logging, .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            "TetherAPIProto", .product(name: "GRPCCore", package: "grpc-swift-2"),
            .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        ], tests: [
            "Auth", "Contracts", "LabTesting", "PostgresTesting", .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOHTTP1", package: "swift-nio"),
            nioCore,
        ])
        + [
            .target(
                name: "IPMISOL",
                dependencies: [
                    "Kernel", "Contracts", nioCore, .product(name: "NIOPosix", package: "swift-nio"), logging,
                    .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                ],
                path: "Plugins/IPMISOL", exclude: ["README.md", "sample.yaml"]),
            .testTarget(
                name: "IPMISOLTests",
                dependencies: [
                    "IPMISOL", "Kernel", "KernelTesting", "Contracts", nioCore, .product(name: "NIOPosix", package: "swift-nio"), logging,
                    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), "LabTesting",
                ],
                path: "Tests/IPMISOLTests", resources: [.copy("Fixtures")]),
            // stand-ins for the plugins around gateway-api (auth, session, routing, a BMC) for the gateway suites
            .target(name: "GatewayTesting", dependencies: ["GatewayAPI", "Kernel", "KernelTesting", "Contracts", nioCore], path: "Tests/GatewayTesting"),
            // the gateway's gRPC API against a gateway node booted in-process (TestNode)
            .testTarget(
                name: "GatewayGRPCTests",
                dependencies: [
                    "GatewayAPI", "GatewayTesting", "TetherAPIProto", "Kernel", "KernelTesting", "Contracts", nioCore,
                    .product(name: "GRPCCore", package: "grpc-swift-2"), .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                ],
                path: "Tests/GatewayGRPCTests"),
            // the manager's gRPC API against a manager node (auth + api) booted in-process
            .testTarget(
                name: "ManagerGRPCTests",
                dependencies: [
                    "API", "Auth", "TetherAPIProto", "Kernel", "KernelTesting", nioCore,
                    .product(name: "AsyncHTTPClient", package: "async-http-client"),
                    .product(name: "GRPCCore", package: "grpc-swift-2"), .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                ],
                path: "Tests/ManagerGRPCTests"),
            // a throw-away PostgreSQL cluster for tests (storage suite, end-to-end suite)
            .target(name: "PostgresTesting", dependencies: ["Storage", "KernelTesting", logging], path: "Tests/PostgresTesting"),
            // lab peers for tests: the QEMU + ipmi_sim VM lab (Scripts/lab), the OIDC provider mock
            .target(
                name: "LabTesting", dependencies: ["KernelTesting", .product(name: "AsyncHTTPClient", package: "async-http-client"), nioCore],
                path: "Tests/LabTesting"),
            // manager, gateways and agents as separate processes with TLS, against Scripts/lab
            .testTarget(
                name: "EndToEndTests",
                dependencies: [
                    "KernelTesting", "PostgresTesting", "LabTesting", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                    .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "HummingbirdTLS", package: "hummingbird"),
                    .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                    .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOHTTP1", package: "swift-nio"), nioCore, logging,
                ],
                path: "Tests/EndToEndTests"),
            // agent enrolment tokens: manager, gateway and agents as separate processes
            .testTarget(
                name: "EnrolmentTests",
                dependencies: [
                    "KernelTesting", "LabTesting", "Auth", "Storage", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                    .product(name: "NIOSSL", package: "swift-nio-ssl"),
                    .product(name: "NIOHTTP1", package: "swift-nio"), nioCore,
                ],
                path: "Tests/EnrolmentTests"),
            // the main of a libFuzzer target (libFuzzer's driver, or replaying inputs in a normal build)
            .target(name: "FuzzDriver", path: "Tests/FuzzDriver"),
            .target(name: "FuzzMain", dependencies: ["FuzzDriver"], path: "Tests/FuzzMain"),
            // libFuzzer target for the packet parsers: Scripts/fuzz IPMISOLFuzz (-sanitize=fuzzer).
            .executableTarget(name: "IPMISOLFuzz", dependencies: ["IPMISOL", "FuzzMain"], path: "Tests/IPMISOLFuzz"),
            // libFuzzer target for the Redfish decoding: Scripts/fuzz RedfishFuzz (-sanitize=fuzzer).
            .executableTarget(
                name: "RedfishFuzz", dependencies: ["Redfish", "Contracts", "FuzzMain"], path: "Tests/RedfishFuzz", exclude: ["Seeds"]),
        ],
    swiftLanguageModes: [.v6]
)
