import COpenSSL
import EmulatorHTTP
import Foundation
import Glibc
import Testing

extension LiveServerTests {
    /// TLS and plain HTTP on one port, verified by an OpenSSL client that trusts only the
    /// generated certificate.
    @Suite struct TLSContextTests {
        private var configuration: HTTPServerConfiguration {
            testConfiguration {
                $0.tls = TLSConfiguration(
                    certificatePath: sharedCertificate.certificatePath, privateKeyPath: sharedCertificate.privateKeyPath)
            }
        }

        @Test func servesHTTPSThatStrictClientsVerify() throws {
            try withServer(configuration) { _, port in
                // Given a client in X509 strict mode trusting only our certificate, checking "localhost"
                let client = try TestClient(port: port, trusting: sharedCertificate.certificatePath, strictX509: true)
                // Then the handshake verified, negotiated http/1.1 over TLS 1.2+
                #expect(client.verifyResult == 0)  // X509_V_OK
                #expect(client.negotiatedALPN == "http/1.1")
                #expect(["TLSv1.3", "TLSv1.2"].contains(client.negotiatedVersion ?? ""))
                // And requests round-trip, marked as TLS, on a kept-alive connection
                try client.send(get("/secure"))
                let first = try client.readResponse()
                #expect(first.echo?.isTLS == true)
                #expect(first.echo?.path == "/secure")
                try client.send("POST /again HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n\r\nbody")
                #expect(try client.readResponse().echo?.body == "body")
            }
        }

        @Test func servesPlainHTTPOnTheSamePort() throws {
            try withServer(configuration) { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/plain"))
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.echo?.isTLS == false)
            }
        }

        @Test func negotiatesNoALPNWhenHTTP11IsNotOffered() throws {
            try withServer(configuration) { _, port in
                let client = try TestClient(port: port, trusting: sharedCertificate.certificatePath, alpn: ["h2"])
                #expect(client.negotiatedALPN == nil)
                try client.send(get("/fallback"))
                #expect(try client.readResponse().status == 200)
            }
        }

        @Test func closesFailedHandshakesQuietlyAndKeepsServing() throws {
            try withServer(configuration) { _, port in
                // A TLS record header followed by garbage
                let broken = try TestClient(port: port)
                try broken.send([0x16, 0x03, 0x01, 0x00, 0x05, 0xde, 0xad, 0xbe, 0xef, 0x00])
                #expect(broken.waitForClose())
                #expect(!broken.bufferedText.contains("HTTP/1.1"))
                // A client that does not trust the certificate
                let untrusting = makeTemporaryDirectory()
                let other = try SelfSignedCertificate.loadOrCreate(in: untrusting)
                #expect(throws: (any Error).self) { try TestClient(port: port, trusting: other.certificatePath) }
                // The server is fine
                let good = try TestClient(port: port, trusting: sharedCertificate.certificatePath)
                try good.send(get("/ok"))
                #expect(try good.readResponse().status == 200)
            }
        }

        @Test func writesLargeResponsesOverTLS() throws {
            let payload = (0..<(2 * 1024 * 1024 + 17)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let handler = ClosureHandler { _ in HTTPResponse(status: 200, body: payload) }
            try withServer(configuration, handler: handler) { _, port in
                let client = try TestClient(port: port, trusting: sharedCertificate.certificatePath)
                try client.send(get("/big") + get("/big"))  // pipelined, too
                #expect(try client.readResponse().body == payload)
                #expect(try client.readResponse().body == payload)
            }
        }
    }
}
