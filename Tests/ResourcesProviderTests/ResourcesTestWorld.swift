import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import Identity

@testable import ResourcesProvider

/// The Resources provider behind an in-process ARM pipeline (no socket), as docs/architecture.md "A request's way" describes.
struct ResourcesTestWorld {
    static let subscription = WellKnown.subscriptionId
    static let operatorCaller = Caller.wellKnownOperator

    let directory: Directory
    let store = ResourceStore()
    let operations: LongRunningOperations
    let pipeline: ARMPipeline

    /// A namespace the generic listing tests store resources of: listings show declared types only.
    static let storage = ResourceProviderRegistration(
        namespace: "Microsoft.Storage", resourceTypes: [.init(name: "storageAccounts", apiVersions: ["2023-05-01"])])

    init(
        provisioningDelay: Duration = .zero, caller: Caller = operatorCaller, cascades: [any ResourceGroupCascade] = [],
        registrations: [ResourceProviderRegistration] = [ResourcesProvider.registration, Self.storage]
    ) throws {
        directory = try Directory(seedPath: nil)
        operations = LongRunningOperations(provisioningDelay: provisioningDelay)
        let provider = ResourcesProvider(
            directory: directory, store: store, operations: operations, registrations: registrations,
            cascades: cascades)
        let router = Router(routes: provider.routes + operations.routes)
        pipeline = ARMPipeline(
            middleware: [
                APIVersionMiddleware(), FixedCallerMiddleware(caller: caller), RouteMatchMiddleware(router: router),
                ResourceGroupMiddleware(store: store),
            ],
            router: router)
    }

    struct Reply {
        let status: Int
        let headers: HTTPHeaders
        let json: JSONValue?
    }

    func send(
        _ method: String, _ path: String, apiVersion: String? = "2024-11-01", body: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> Reply {
        var target = path
        if let apiVersion { target += (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion }
        var requestHeaders = HTTPHeaders([("Host", "localhost:8443")] + headers.map { (name: $0.0, value: $0.1) })
        if body != nil { requestHeaders.add("Content-Type", "application/json") }
        let request = HTTPRequest(method: method, target: target, headers: requestHeaders, body: Array((body ?? "").utf8), isTLS: true)
        let response = await pipeline.handle(request)
        let json: JSONValue? = response.body.isEmpty ? Optional.none : try JSONParser.parse(response.body)
        return Reply(status: response.status, headers: response.headers, json: json)
    }

    var groups: String { "/subscriptions/\(Self.subscription)/resourceGroups" }
}
