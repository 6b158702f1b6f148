import ARMTestSupport
import EmulatorHTTP
import Foundation
import Testing

@testable import ARMCore

@Suite struct ARMPipelineTests {
    let sub = Fixture.subscription
    struct Boom: Error {}

    var routes: [Route] {
        [
            Route(
                "GET", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}", operationID: "ResourceGroups_Get", action: nil
            ) { _, parameters in
                .ok(["name": .string(parameters.required("resourceGroupName")), "etag": "\"e-1\""])
            },
            Route(
                "PUT", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}", operationID: "ResourceGroups_CreateOrUpdate",
                action: nil
            ) { request, _ in
                .created(.object(try request.jsonBody()))
            },
            Route(
                "DELETE", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}", operationID: "ResourceGroups_Delete",
                action: nil
            ) { _, _ in
                .noContent
            },
            Route(
                "POST", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/rpError", operationID: "RP_Error", action: nil
            ) { _, _ in
                throw ARMError(
                    status: 409, code: "RequestConflict", message: "Busy.", target: "properties.x",
                    details: [ARMError(status: 409, code: "Inner", message: "Inner detail.")])
            },
            Route("POST", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/crash", operationID: "RP_Crash", action: nil)
            { _, _ in
                throw Boom()
            },
            Route(
                "POST", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/throttle", operationID: "RP_Throttle",
                action: nil
            ) { _, _ in
                throw ARMError.subscriptionRequestsThrottled(kind: "write", subscription: "s", actor: "a", retryAfter: 5)
            },
            Route("GET", "/tenants", operationID: "Tenants_List", action: nil) { _, _ in
                ARMResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/plain")]), rawBody: Array("plain".utf8))
            },
        ]
    }

    var pipeline: ARMPipeline { Fixture.pipeline(routes: routes, extra: [TestAuthenticator(defaultCaller: Fixture.user)]) }

    func rg(_ rest: String = "") -> String { Fixture.sub("/resourcegroups/MyRG\(rest)?api-version=2024-11-01") }

    @Test func routingRequestIDIsRegionTimeAndRequestID() {
        // Given a pipeline in another region
        let pipeline = ARMPipeline(middleware: [], router: Router(routes: []), routingRegion: "westeurope")
        let date = Date(timeIntervalSince1970: 1_746_454_205.5)
        // Then the id joins the upper-cased region, the compact UTC time and the request id
        #expect(pipeline.routingRequestID(at: date, requestID: "r-1") == "WESTEUROPE:20250505T141005Z:r-1")
        #expect(pipeline.routingRequestID(at: date, requestID: "") == "WESTEUROPE:20250505T141005Z:")
        // And a year past 9999 still gives the whole text
        let far = Date(timeIntervalSince1970: 253_402_300_800)
        #expect(pipeline.routingRequestID(at: far, requestID: "r-2") == "WESTEUROPE:100000101T000000Z:r-2")
    }

    @Test func successCarriesTheCommonHeaders() async throws {
        // Given a client that sends its own ids
        let request = Fixture.http(
            "GET", rg(), headers: [("x-ms-client-request-id", "client-1"), ("x-ms-correlation-request-id", "corr-1")])
        // When the request runs
        let response = await pipeline.handle(request)
        // Then the JSON body comes with ARM's headers
        #expect(response.status == 200)
        #expect(try Fixture.json(response)["name"] == "MyRG")
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("x-ms-client-request-id") == "client-1")
        #expect(response.header("x-ms-correlation-request-id") == "corr-1")
        let requestID = try #require(response.header("x-ms-request-id"))
        #expect(ResourceID.isGUID(requestID))
        let routing = try #require(response.header("x-ms-routing-request-id")).split(separator: ":").map(String.init)
        #expect(routing.count == 3)
        #expect(routing[0] == "EASTUS")
        #expect(routing[1].count == 16 && routing[1].hasSuffix("Z") && routing[1].dropFirst(8).first == "T")
        #expect(routing[2] == requestID)
        #expect(response.header("x-ms-ratelimit-remaining-subscription-reads") == "249")
        #expect(response.header("Cache-Control") == "no-cache")
        #expect(response.header("Pragma") == "no-cache")
        #expect(response.header("Expires") == "-1")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Strict-Transport-Security") == nil)
        #expect(response.header("x-ms-failure-cause") == nil)
        // And the body's etag is the ETag header
        #expect(response.header("ETag") == "\"e-1\"")
    }

    @Test func correlationIdIsMadeWhenAbsentAndHSTSOnTLS() async throws {
        let response = await pipeline.handle(Fixture.http("GET", rg(), tls: true))
        #expect(ResourceID.isGUID(response.header("x-ms-correlation-request-id") ?? ""))
        #expect(response.header("x-ms-client-request-id") == nil)
        #expect(response.header("Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
    }

    @Test func rateLimitCountersFollowTheVerbAndThePrincipal() async throws {
        let pipeline = pipeline
        #expect(await pipeline.handle(Fixture.http("GET", rg())).header("x-ms-ratelimit-remaining-subscription-reads") == "249")
        // A request that fails after authentication still counts against the caller's bucket
        let missing = await pipeline.handle(Fixture.http("GET", Fixture.sub("/nothing?api-version=2024-11-01")))
        #expect(missing.status == 404)
        #expect(missing.header("x-ms-ratelimit-remaining-subscription-reads") == "248")
        #expect(
            await pipeline.handle(Fixture.http("PUT", rg(), body: "{}")).header("x-ms-ratelimit-remaining-subscription-writes") == "199")
        #expect(await pipeline.handle(Fixture.http("DELETE", rg())).header("x-ms-ratelimit-remaining-subscription-deletes") == "199")
        #expect(
            await pipeline.handle(Fixture.http("GET", "/tenants?api-version=2022-12-01")).header("x-ms-ratelimit-remaining-tenant-reads")
                == "249")
        // Another principal on the same limiter starts with a full bucket; the first keeps counting
        let router = pipeline.router
        let asApp = ARMPipeline(
            middleware: [APIVersionMiddleware(), TestAuthenticator(defaultCaller: Fixture.app), RouteMatchMiddleware(router: router)],
            router: router, rateLimiter: pipeline.rateLimiter)
        #expect(await asApp.handle(Fixture.http("GET", rg())).header("x-ms-ratelimit-remaining-subscription-reads") == "249")
        #expect(await pipeline.handle(Fixture.http("GET", rg())).header("x-ms-ratelimit-remaining-subscription-reads") == "247")
    }

    @Test func rpErrorsAreRenderedWithTargetAndDetails() async throws {
        let response = await pipeline.handle(Fixture.http("POST", rg("/rpError")))
        #expect(response.status == 409)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("x-ms-failure-cause") == nil)
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"error":{"code":"RequestConflict","message":"Busy.","target":"properties.x","#
                + #""details":[{"code":"Inner","message":"Inner detail."}]}}"#
        )
        #expect(response.header("x-ms-request-id") != nil)
    }

    @Test func gatewayErrorsSaySoAndKeepTheirHeaders() async throws {
        let response = await pipeline.handle(Fixture.http("POST", rg("/throttle")))
        #expect(response.status == 429)
        #expect(response.header("Retry-After") == "5")
        #expect(response.header("x-ms-failure-cause") == "gateway")
        #expect(Fixture.errorCode(response) == "SubscriptionRequestsThrottled")
    }

    @Test func unexpectedErrorsAre500NotCrashes() async throws {
        let response = await pipeline.handle(Fixture.http("POST", rg("/crash")))
        #expect(response.status == 500)
        #expect(Fixture.errorCode(response) == "InternalServerError")
        #expect(response.header("x-ms-request-id") != nil)
    }

    @Test func bodyErrorsFromHandlers() async throws {
        let response = await pipeline.handle(Fixture.http("PUT", rg(), body: #"{"location": NaN}"#))
        #expect(response.status == 400)
        #expect(
            try Fixture.json(response)["error"]?["message"]
                == .string(
                    "The request content was invalid and could not be deserialized: "
                        + "'Error parsing NaN value. Path 'location', line 1, position 14.'.")
        )
        #expect(response.header("x-ms-failure-cause") == "gateway")
    }

    @Test func headHasHeadersButNoBody() async throws {
        let response = await pipeline.handle(Fixture.http("HEAD", rg()))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.header("x-ms-request-id") != nil)
        let missing = await pipeline.handle(Fixture.http("HEAD", "/nowhere?api-version=2024-11-01"))
        #expect(missing.status == 404)
        #expect(missing.body.isEmpty)
    }

    @Test func noContentHasNoBodyOrContentType() async throws {
        let response = await pipeline.handle(Fixture.http("DELETE", rg()))
        #expect(response.status == 204)
        #expect(response.body.isEmpty)
        #expect(response.header("Content-Type") == nil)
    }

    @Test func rawBodiesKeepTheirContentType() async throws {
        let response = await pipeline.handle(Fixture.http("GET", "/tenants?api-version=2022-12-01"))
        #expect(String(decoding: response.body, as: UTF8.self) == "plain")
        #expect(response.headers.values("Content-Type") == ["text/plain"])
    }

    @Test func middlewareRunsInOrderAndTheTerminalMatchesWithoutRouteMatch() async throws {
        // Given two recording middleware and no RouteMatchMiddleware
        struct Tag: ARMMiddleware {
            let name: String
            func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
                var response = try await next.respond(to: request)
                response.headers.add("X-Order", name)
                return response
            }
        }
        let router = Router(routes: routes)
        let pipeline = ARMPipeline(middleware: [Tag(name: "outer"), APIVersionMiddleware(), Tag(name: "inner")], router: router)
        // When a request runs
        let response = await pipeline.handle(Fixture.http("GET", rg()))
        // Then the inner middleware saw the response first and the handler was still found
        #expect(response.status == 200)
        #expect(response.headers.values("X-Order") == ["inner", "outer"])
        // And `respond(to:)` throws instead of rendering
        await #expect(throws: ARMError.self) { _ = try await pipeline.respond(to: ARMRequest(http: Fixture.http("GET", "/x"))) }
    }

    @Test func requestStepsRunInOrderInsideAndOutsideAroundSteps() async throws {
        // Given steps that only enrich the request (run without an await) around and between
        // middleware that wrap the response
        struct Mark: ARMRequestStep {
            let name: String
            func prepare(_ request: inout ARMRequest) throws {
                // The steps' names, in the order they ran, ride on the request's fault slot
                let seen = request.injectedOperationFailure?.message ?? ""
                request.injectedOperationFailure = ARMError(status: 500, code: "Trace", message: seen + name)
            }
        }
        struct Refuse: ARMRequestStep {
            func prepare(_ request: inout ARMRequest) throws {
                request.caller = Fixture.user
                if request.method == "DELETE" { throw ARMError(status: 418, code: "Refused", message: "No.") }
            }
        }
        struct Wrap: ARMMiddleware {
            func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
                do {
                    var response = try await next.respond(to: request)
                    response.headers.add("X-Wrapped", "ok")
                    return response
                } catch let error as ARMError {
                    throw ARMError(status: error.status, code: error.code, message: "wrapped " + error.message)
                }
            }
        }
        let trace = Route("GET", "/subscriptions/{subscriptionId}/trace", operationID: "Trace", action: nil) { request, _ in
            .ok(["trace": .string(request.injectedOperationFailure?.message ?? "")])
        }
        let remove = Route("DELETE", "/subscriptions/{subscriptionId}/trace", operationID: "Trace_Delete", action: nil) { _, _ in
            .noContent
        }
        let pipeline = ARMPipeline(
            middleware: [
                Mark(name: "a"), Wrap(), Mark(name: "b"), Refuse(), Mark(name: "c"),
                RouteMatchMiddleware(router: Router(routes: [trace, remove])),
            ],
            router: Router(routes: [trace, remove]))
        // When a request runs, every step saw it in order and the wrapper saw the response
        let response = await pipeline.handle(Fixture.http("GET", Fixture.sub("/trace?api-version=2024-11-01")))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("\"abc\""))
        #expect(response.headers.values("X-Wrapped") == ["ok"])
        // And the caller a step set counts for the rate limit
        #expect(response.header("x-ms-ratelimit-remaining-subscription-reads") == "249")
        // When a step refuses, the wrapper outside it sees the error and the later steps never run
        let refused = await pipeline.handle(Fixture.http("DELETE", Fixture.sub("/trace?api-version=2024-11-01")))
        #expect(refused.status == 418)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("wrapped No."))
        #expect(refused.headers.values("X-Wrapped").isEmpty)
        // And the refused request still counts against a rate-limit bucket
        #expect(refused.header("x-ms-ratelimit-remaining-subscription-deletes") == "199")
        // And a step is a middleware too: called directly it runs around `next`
        let direct = try await Mark(name: "z").respond(
            to: ARMRequest(http: Fixture.http("GET", Fixture.sub("/trace?api-version=2024-11-01"))),
            next: pipeline)
        #expect(direct.status == 200)
    }
}
