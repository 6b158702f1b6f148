import Testing

@testable import ARMCore

@Suite struct RouterTests {
    static func route(_ method: String, _ pattern: String, _ id: String) -> Route {
        Route(method, pattern, operationID: id, action: nil) { _, _ in .noContent }
    }

    let router = Router(routes: [
        route("GET", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}", "ResourceGroups_Get"),
        route("PUT", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}", "ResourceGroups_CreateOrUpdate"),
        route("HEAD", "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}", "ResourceGroups_CheckExistence"),
        route("GET", "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}", "Providers_Get"),
        route(
            "GET", "/subscriptions/{sub}/providers/{namespace}/locations/{location}/operationStatuses/{operationId}",
            "OperationStatuses_Get"),
        route("GET", "/subscriptions/{subscriptionId}/providers/Microsoft.CognitiveServices/locations/{location}/models", "Models_List"),
        route(
            "GET",
            "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
                + "/providers/Microsoft.CognitiveServices/accounts/{accountName}",
            "Accounts_Get"),
        route(
            "DELETE",
            "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
                + "/providers/Microsoft.CognitiveServices/accounts/{accountName}",
            "Accounts_Delete"),
        route("GET", "/tenants", "Tenants_List"),
    ])

    func lookup(_ method: String, _ path: String) -> Router.Lookup {
        router.lookup(method: method, segments: path.split(separator: "/").map(String.init))
    }

    func matched(_ method: String, _ path: String) -> RouteMatch? {
        if case .matched(let match) = lookup(method, path) { return match }
        return nil
    }

    @Test func literalsMatchInAnyCaseAndParametersKeepTheirs() throws {
        let match = try #require(
            matched("GET", "/SUBSCRIPTIONS/S1/resourcegroups/My-RG/PROVIDERS/microsoft.cognitiveservices/Accounts/Acct1"))
        #expect(match.route.operationID == "Accounts_Get")
        #expect(match.parameters["resourceGroupName"] == "My-RG")
        #expect(match.parameters["accountName"] == "Acct1")
        #expect(match.parameters["subscriptionId"] == "S1")
    }

    @Test func literalBeatsParameterAndBacktracks() throws {
        // A literal namespace wins over {namespace}
        #expect(
            matched("GET", "/subscriptions/s/providers/Microsoft.CognitiveServices/locations/eastus/models")?.route.operationID
                == "Models_List")
        // The literal branch dead-ends, so the parameter branch serves it, with its own parameter names
        let status = try #require(
            matched("GET", "/subscriptions/s/providers/Microsoft.CognitiveServices/locations/eastus/operationStatuses/op1"))
        #expect(status.route.operationID == "OperationStatuses_Get")
        #expect(status.parameters["namespace"] == "Microsoft.CognitiveServices")
        #expect(status.parameters["sub"] == "s")
        #expect(status.parameters["operationId"] == "op1")
        #expect(
            matched("GET", "/subscriptions/s/providers/Microsoft.Storage")?.parameters["resourceProviderNamespace"] == "Microsoft.Storage")
    }

    @Test func methodNotAllowedListsTheOthers() {
        guard case .methodNotAllowed(let allowed) = lookup("POST", "/subscriptions/s/resourceGroups/rg") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == ["GET", "PUT", "HEAD"])
    }

    @Test func headUsesItsOwnRouteOrFallsBackToGet() {
        #expect(matched("HEAD", "/subscriptions/s/resourceGroups/rg")?.route.operationID == "ResourceGroups_CheckExistence")
        #expect(
            matched("HEAD", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a")?.route.operationID
                == "Accounts_Get")
    }

    @Test func unknownPathsAreNotFound() {
        for path in ["/", "/subscriptions", "/subscriptions/s/resourceGroups/rg/extra", "/tenant"] {
            guard case .notFound = lookup("GET", path) else {
                Issue.record("expected notFound for \(path)")
                continue
            }
        }
        #expect(matched("GET", "/TENANTS")?.route.operationID == "Tenants_List")
    }

    @Test func knownNamespacesComeFromLiteralsAfterProviders() {
        #expect(router.isKnownNamespace("MICROSOFT.COGNITIVESERVICES"))
        #expect(!router.isKnownNamespace("Microsoft.Storage"))
    }

    @Test func manyRoutesStillMatchExactly() {
        // Given 5,000 provider routes
        var routes: [Route] = []
        for index in 0..<5000 {
            routes.append(
                Self.route("GET", "/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Foo\(index)/things/{name}", "Get\(index)"))
        }
        routes.append(Self.route("GET", "/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}", "Generic"))
        let big = Router(routes: routes)
        let segments = "/subscriptions/s/resourceGroups/rg/providers/microsoft.foo4321/THINGS/n".split(separator: "/").map(String.init)
        guard case .matched(let match) = big.lookup(method: "GET", segments: segments) else {
            Issue.record("expected a match")
            return
        }
        #expect(match.route.operationID == "Get4321")
        let generic = "/subscriptions/s/resourceGroups/rg/providers/Other.NS/widgets/w".split(separator: "/").map(String.init)
        guard case .matched(let fallback) = big.lookup(method: "GET", segments: generic) else {
            Issue.record("expected the generic route")
            return
        }
        #expect(fallback.route.operationID == "Generic")
        #expect(fallback.parameters["type"] == "widgets")
    }

    @Test func routeProvidersAreCollected() {
        struct Feature: RouteProvider {
            var routes: [Route] { [RouterTests.route("GET", "/a/{x}", "A")] }
        }
        let router = Router(providers: [Feature(), LongRunningOperations()])
        #expect(router.routes.count == 4)
    }
}
