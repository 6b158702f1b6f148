import Testing

@testable import ARMCore

@Suite struct RouteMatchMiddlewareTests {
    let sub = Fixture.subscription
    let pipeline = Fixture.pipeline(routes: [
        Route(
            "GET",
            "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
                + "/providers/Microsoft.CognitiveServices/accounts/{accountName}",
            operationID: "Accounts_Get", action: "Microsoft.CognitiveServices/accounts/read"
        ) { _, parameters in
            .ok(["name": .string(parameters.required("accountName"))])
        },
        Route("GET", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}", operationID: "ResourceGroups_Get", action: nil) {
            _, _ in
            .ok([:])
        },
    ])

    @Test func matchesAndHandsTheRouteToTheHandler() async throws {
        let response = await pipeline.handle(
            Fixture.http(
                "GET", Fixture.sub("/resourcegroups/rg/providers/microsoft.cognitiveservices/accounts/Acct?api-version=2025-06-01")))
        #expect(response.status == 200)
        #expect(try Fixture.json(response)["name"] == "Acct")
    }

    @Test func unknownNamespaceIsInvalidResourceNamespace() async throws {
        let response = await pipeline.handle(
            Fixture.http("GET", Fixture.sub("/resourceGroups/rg/providers/Microsoft.Nope/things/x?api-version=2025-06-01")))
        #expect(response.status == 404)
        #expect(
            try Fixture.json(response) == [
                "error": ["code": "InvalidResourceNamespace", "message": "The resource namespace 'Microsoft.Nope' is invalid."]
            ])
    }

    @Test func unknownTypeInAKnownNamespaceIsInvalidResourceType() async throws {
        let response = await pipeline.handle(
            Fixture.http(
                "GET", Fixture.sub("/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/widgets/w?api-version=2025-06-01")))
        #expect(response.status == 404)
        #expect(
            try Fixture.json(response)["error"] == [
                "code": "InvalidResourceType",
                "message":
                    .string(
                        "The resource type 'accounts/widgets' could not be found in the namespace 'Microsoft.CognitiveServices'"
                            + " for api version '2025-06-01'."),
            ])
    }

    @Test func otherPathsAreNotFound() async throws {
        let response = await pipeline.handle(Fixture.http("GET", "/nothing/here?api-version=2025-06-01"))
        #expect(response.status == 404)
        #expect(Fixture.errorCode(response) == "NotFound")
        #expect(
            try Fixture.json(response)["error"]?["message"] == "No HTTP resource was found that matches the request URI '/nothing/here'.")
    }

    @Test func wrongMethodIs405() async throws {
        let response = await pipeline.handle(Fixture.http("PATCH", Fixture.sub("/resourceGroups/rg?api-version=2025-06-01"), body: "{}"))
        #expect(response.status == 405)
        #expect(Fixture.errorCode(response) == "MethodNotAllowed")
        #expect(response.header("Allow") == "GET, HEAD")
    }

    @Test func theMatchSetsTheTargetResourceIDInTheRoutesCasing() async throws {
        // Given a route whose handler echoes the request's target
        let pipeline = Fixture.pipeline(routes: [
            Route(
                "POST",
                "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
                    + "/providers/Microsoft.CognitiveServices/accounts/{accountName}/listKeys",
                operationID: "Accounts_ListKeys", action: nil
            ) { request, _ in .ok(["id": .string(request.resourceID.description)]) }
        ])
        // When a client spells the literals in lower case
        let response = await pipeline.handle(
            Fixture.http(
                "POST",
                Fixture.sub("/resourcegroups/RG/providers/microsoft.cognitiveservices/accounts/Acct/listkeys?api-version=2025-06-01")))
        // Then the handler reads the account, in the route's casing and the client's names
        #expect(response.status == 200)
        #expect(
            try Fixture.json(response)["id"]
                == .string(Fixture.sub("/resourceGroups/RG/providers/Microsoft.CognitiveServices/accounts/Acct")))
    }
}
