import Foundation
import KernelTesting
import LabTesting
import Testing

/// `server console --terminal --transport`: which gateway API carries the console.
@Suite(.serialized) struct CLIConsoleTransportTests {
    /// A gateway without `grpcListen` advertises no gRPC: `--transport grpc` is a usage error
    /// that says so and what to use instead, before any terminal is touched.
    @Test func grpcWithoutAdvertisedGRPCExits2() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("oscar")
            let result = try await plane.tether(["server", "console", "lab-01", "--terminal", "--transport", "grpc"])
            #expect(result.status == 2, "\(result.standardError)")
            #expect(result.errorLines.count == 1, "\(result.standardError)")
            #expect(result.standardError.hasPrefix("tether: "))
            #expect(result.standardError.contains("offers no gRPC API") && result.standardError.contains("--transport websocket"), "\(result.standardError)")
            #expect(!result.standardError.contains("connecting to"))
        }
    }

    /// An unknown transport is refused by the argument parser, which lists the valid ones.
    @Test func unknownTransportIsRefused() async throws {
        let result = try await CLIBinary.run(["server", "console", "lab-01", "--terminal", "--transport", "carrier-pigeon"], environment: [:])
        #expect(result.status != 0, "\(result.standardError)")
        #expect(result.standardError.contains("carrier-pigeon") && result.standardError.contains("'websocket'"), "\(result.standardError)")
    }

    /// The gateway advertises gRPC; its refusal of the stream (a token it does not accept:
    /// `UNAUTHENTICATED`) exits as the REST API's 401 would: 3, with the hint, and the
    /// gateway never logs a console.
    @Test func grpcRefusalMapsToTheRESTExitCode() async throws {
        try await ControlPlane.with(grpc: true) { plane in
            let result = try await plane.tether(
                ["server", "console", "lab-01", "--terminal", "--transport", "grpc", "--gateway", plane.gatewayURL, "--token", "not-a-token"])
            #expect(result.status == 3, "\(result.standardError)")
            #expect(result.standardError.contains("--token"), "\(result.standardError)")
            #expect(!plane.role.output.contains("console opened"))
        }
    }

    /// gRPC over TLS on a gateway with a private CA's certificate: trusted through
    /// `TETHER_CA_FILE` (the stream reaches the gateway, which refuses the token: exit 3).
    @Test func grpcOverTLSTrustsTheCAFile() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        try await ControlPlane.with(grpc: true, certificates: certificates) { plane in
            let arguments = ["server", "console", "lab-01", "--terminal", "--transport", "grpc", "--gateway", plane.gatewayURL, "--token", "not-a-token"]
            let trusted = try await plane.tether(arguments, extra: ["TETHER_CA_FILE": certificates.caCertificate])
            #expect(trusted.status == 3, "\(trusted.standardError)")
            #expect(trusted.standardError.contains("--token"), "\(trusted.standardError)")
            // Another CA: the certificate is not trusted, the gateway unreachable (exit 5).
            let untrusted = try await plane.tether(arguments, extra: ["TETHER_CA_FILE": certificates.otherCA])
            #expect(untrusted.status == 5, "\(untrusted.standardError)")
        }
    }
}
