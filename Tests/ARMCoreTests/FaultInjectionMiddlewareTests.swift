import EmulatorHTTP
import Synchronization
import Testing

@testable import ARMCore

/// Counts the requests that reach the handler, and starts an operation when asked.
private final class CountingResponder: ARMResponder, Sendable {
    let calls = Mutex(0)
    let operations: LongRunningOperations

    init(operations: LongRunningOperations = LongRunningOperations()) { self.operations = operations }

    func respond(to request: ARMRequest) async throws -> ARMResponse {
        calls.withLock { $0 += 1 }
        let handle = try await operations.perform(for: request, namespace: "Test.Fake", location: "eastus", kind: .create) {
            ["done": true]
        }
        guard let handle else { return .ok(["done": true]) }
        return ARMResponse(status: 201, headers: operations.headers(for: handle))
    }
}

/// Records the injected operation failure of each request it is handed.
private final class SeenFailure: ARMResponder, Sendable {
    let codes = Mutex<[String?]>([])

    func respond(to request: ARMRequest) async throws -> ARMResponse {
        codes.withLock { $0.append(request.injectedOperationFailure?.code) }
        return .ok([:])
    }
}

@Suite struct FaultInjectionMiddlewareTests {
    let path = "/subscriptions/\(Fixture.subscription)/resourceGroups/rg/providers/Test.Fake/widgets/w"

    @Test func injectedErrorAnswersWithoutReachingTheHandler() async throws {
        let injector = FaultInjector()
        try injector.add(
            FaultRule(id: "r", method: "PUT", path: "/subscriptions/*/resourceGroups/*/providers/Test.Fake/*", status: 503, remaining: 1))
        let handler = CountingResponder()
        let middleware = FaultInjectionMiddleware(injector: injector)
        let error = await #expect(throws: ARMError.self) {
            _ = try await middleware.respond(to: Fixture.request("PUT", path + "?api-version=1"), next: handler)
        }
        #expect(error?.status == 503)
        #expect(error?.code == "ServiceUnavailable")
        #expect(error?.headers["Retry-After"] == "1")
        #expect(handler.calls.withLock { $0 } == 0)
        // The rule is spent: the next request goes through
        let response = try await middleware.respond(to: Fixture.request("PUT", path + "?api-version=1"), next: handler)
        #expect(response.status == 200)
        #expect(handler.calls.withLock { $0 } == 1)
    }

    @Test func failOperationEndsTheOperationFailedWithoutRunningItsWork() async throws {
        let injector = FaultInjector()
        try injector.add(FaultRule(id: "r", path: "*", code: "ProvisioningFailed", message: "boom", failOperation: true))
        let operations = LongRunningOperations()
        let handler = CountingResponder(operations: operations)
        // Even in synchronous mode, the request gets an operation to poll
        let response = try await FaultInjectionMiddleware(injector: injector)
            .respond(to: Fixture.request("PUT", path + "?api-version=1"), next: handler)
        #expect(response.status == 201)
        let url = try #require(response.headers["Azure-AsyncOperation"])
        let id = String(url.split(separator: "/").last!.split(separator: "?").first!)
        await operations.waitUntilFinished(id)
        let status = try #require(operations.status(id))
        #expect(status.state == .failed)
        #expect(status.error?.code == "ProvisioningFailed")
        #expect(status.error?.message == "boom")
        #expect(status.result == nil)
    }

    @Test func theOperationFailureTravelsOnTheRequest() async throws {
        // Given a one-time failOperation rule and a handler that reports what its request carries
        let injector = FaultInjector()
        try injector.add(FaultRule(id: "r", path: "*", code: "ProvisioningFailed", message: "boom", remaining: 1, failOperation: true))
        let seen = SeenFailure()
        // When two requests pass (the rule applies once)
        let middleware = FaultInjectionMiddleware(injector: injector)
        _ = try await middleware.respond(to: Fixture.request("PUT", path + "?api-version=1"), next: seen)
        _ = try await middleware.respond(to: Fixture.request("PUT", path + "?api-version=1"), next: seen)
        // Then only the first request carried the failure to its handler
        #expect(seen.codes.withLock { $0 } == ["ProvisioningFailed", nil])
    }

    @Test func delayOnlyRuleLetsTheRequestThrough() async throws {
        let injector = FaultInjector()
        try injector.add(FaultRule(id: "r", path: "*", delayMilliseconds: 1))
        let handler = CountingResponder()
        let response = try await FaultInjectionMiddleware(injector: injector)
            .respond(to: Fixture.request("GET", path + "?api-version=1"), next: handler)
        #expect(response.status == 200)
        #expect(handler.calls.withLock { $0 } == 1)
    }
}
