import Testing

@testable import ARMCore

@Suite struct APIVersionMiddlewareTests {
    let pipeline = Fixture.pipeline(routes: [
        Route("GET", "/tenants", operationID: "Tenants_List", action: nil) { request, _ in
            .ok(["apiVersion": .string(request.apiVersion ?? "")])
        }
    ])

    @Test func missingVersionIsMissingApiVersionParameter() async throws {
        for target in ["/tenants", "/tenants?api-version="] {
            let response = await pipeline.handle(Fixture.http("GET", target))
            #expect(response.status == 400)
            #expect(
                try Fixture.json(response) == [
                    "error": [
                        "code": "MissingApiVersionParameter",
                        "message": "The api-version query parameter (?api-version=) is required for all requests.",
                    ]
                ])
            #expect(response.header("x-ms-failure-cause") == "gateway")
        }
    }

    @Test func malformedVersionsAreInvalid() async throws {
        for version in ["2025-13-01", "2025-02-30", "2025-6-1", "latest", "2025-06-01-rc", "2025-06-01preview", "20250601"] {
            let response = await pipeline.handle(Fixture.http("GET", "/tenants?api-version=\(version)"))
            #expect(response.status == 400, "\(version)")
            #expect(try Fixture.json(response)["error"]?["message"] == .string("The api-version '\(version)' is invalid."))
            #expect(Fixture.errorCode(response) == "InvalidApiVersionParameter")
        }
    }

    @Test func anyWellFormedVersionIsAcceptedAndRecorded() async throws {
        for version in [
            "2025-06-01", "2026-05-15-preview", "2024-02-29-privatepreview", "2016-02-01-beta", "2020-01-01-alpha", "2025-04-01-Preview",
        ] {
            let response = await pipeline.handle(Fixture.http("GET", "/tenants?API-VERSION=\(version)"))
            #expect(response.status == 200, "\(version)")
            #expect(try Fixture.json(response)["apiVersion"] == .string(version))
        }
    }
}
