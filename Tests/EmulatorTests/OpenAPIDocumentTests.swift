import ARMCore
import EmulatorHTTP
import Foundation
import Identity
import JSON
import Testing

@testable import Emulator

/// openapi/foundry-emulator.json documents every route the emulator serves and nothing else
/// (docs/development.md): a route added without documentation, or documentation left behind when a route
/// goes, fails here.
@Suite struct OpenAPIDocumentTests {
    static let documentPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("openapi/foundry-emulator.json").path

    /// `METHOD /path` with parameter names dropped (`{}`) and literals lower-cased: the router
    /// matches literals case-insensitively and the document may name a parameter differently.
    static func key(_ method: String, _ path: String) -> String {
        let segments = path.split(separator: "/").map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? "{}" : segment.lowercased()
        }
        return method.uppercased() + " /" + segments.joined(separator: "/")
    }

    static func documentedOperations() throws -> Set<String> {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: documentPath)))
        let document = try JSONParser.parse(bytes)
        guard case .object(let paths)? = document["paths"] else {
            Issue.record("no paths object in \(documentPath)")
            return []
        }
        var operations = Set<String>()
        for (path, item) in paths.pairs {
            guard case .object(let methods) = item else { continue }
            for (method, _) in methods.pairs where ["get", "put", "post", "patch", "delete", "head"].contains(method) {
                operations.insert(key(method, path))
            }
        }
        return operations
    }

    static func servedOperations() throws -> Set<String> {
        let emulator = try makeEmulator()
        return Set(emulator.servedOperations.map { key($0.method, $0.path) })
    }

    @Test func everyServedRouteIsDocumented() throws {
        let undocumented = try Self.servedOperations().subtracting(Self.documentedOperations())
        #expect(undocumented.isEmpty, "served but missing from openapi/foundry-emulator.json: \(undocumented.sorted())")
    }

    /// Operation ids name operations in logs, errors (501 messages) and the document; two routes
    /// with one id would make both ambiguous.
    @Test func operationIDsAreUnique() throws {
        let emulator = try Self.makeEmulator()
        var seen: [String: String] = [:]
        for route in emulator.routers.flatMap(\.routes) {
            let key = route.method + " " + route.pattern
            if let other = seen[route.operationID], other != key {
                Issue.record("operation id \(route.operationID) on both \(other) and \(key)")
            }
            seen[route.operationID] = key
        }
    }

    @Test func everyDocumentedRouteIsServed() throws {
        let unserved = try Self.documentedOperations().subtracting(Self.servedOperations())
        #expect(unserved.isEmpty, "documented but not served: \(unserved.sorted())")
    }

    /// Each of Identity's routes is claimed by the service and really served (anything but the
    /// service's 404 for an unknown path).
    @Test func everyListedIdentityEndpointIsServed() async throws {
        let service = IdentityService(directory: Directory(), signingKey: .wellKnown)
        for endpoint in service.routes.map(\.route) {
            let path = endpoint.pattern.replacingOccurrences(of: "{tenant}", with: WellKnown.tenantId)
            let request = HTTPRequest(method: endpoint.method, target: path, headers: HTTPHeaders([("Host", "localhost")]))
            #expect(service.handles(path: path.split(separator: "/").map(String.init)), "\(endpoint.pattern) not claimed")
            let response = await service.handle(request)
            #expect(response.status != 404, "\(endpoint.method) \(endpoint.pattern) answered 404")
        }
    }

    /// An emulator that is built (routers wired) but never started.
    static func makeEmulator() throws -> Emulator {
        var config = EmulatorConfig()
        config.dataDirectory = try makeTemporaryDirectory()
        config.logLevel = .error
        return try Emulator(config: config)
    }
}
