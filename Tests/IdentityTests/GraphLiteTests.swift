import ARMCore
import EmulatorHTTP
import Testing

@testable import Identity

/// Graph-lite through a router pipeline, as the emulator serves it (caller set by a stand-in for
/// authentication).
@Suite struct GraphLiteTests {
    struct CallerMiddleware: ARMMiddleware {
        let caller: Caller
        func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
            var request = request
            request.caller = caller
            return try await next.respond(to: request)
        }
    }

    let directory = Directory()

    func send(_ method: String, _ target: String, body: String? = nil, as caller: Caller? = nil) async throws -> (Int, JSONValue?) {
        let router = Router(routes: GraphLite(directory: directory).routes)
        let who =
            caller
            ?? Caller(
                objectId: WellKnown.operatorObjectId, tenantId: WellKnown.tenantId, appId: WellKnown.operatorClientId,
                principalType: .servicePrincipal)
        let pipeline = ARMPipeline(
            middleware: [CallerMiddleware(caller: who), RouteMatchMiddleware(router: router, validatesSubscriptionIDs: false)],
            router: router)
        var headers = HTTPHeaders([("Host", "localhost:8443")])
        if body != nil { headers.add("Content-Type", "application/json") }
        let response = await pipeline.handle(
            HTTPRequest(method: method, target: target, headers: headers, body: Array((body ?? "").utf8), isTLS: true))
        return (response.status, response.body.isEmpty ? nil : try JSONParser.parse(response.body))
    }

    @Test func servicePrincipalLookupsAzMakes() async throws {
        let sp = directory.createServicePrincipal(displayName: "app one")
        let (status, json) = try await send(
            "GET", "/v1.0/servicePrincipals?$filter=servicePrincipalNames/any(c:c%20eq%20'\(sp.appId.uppercased())')")
        #expect(status == 200)
        #expect(json?["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [sp.objectId])
        let (_, byApp) = try await send("GET", "/v1.0/servicePrincipals?$filter=appId%20eq%20'\(sp.appId)'")
        #expect(byApp?["value"]?[0]?["servicePrincipalType"]?.stringValue == "Application")
        let (_, identity) = try await send("GET", "/v1.0/servicePrincipals/\(WellKnown.managedIdentityObjectId)")
        #expect(identity?["servicePrincipalType"]?.stringValue == "ManagedIdentity")
        let (missing, error) = try await send("GET", "/v1.0/servicePrincipals/\(newGUID())")
        #expect(missing == 404)
        #expect(error?["error"]?["code"]?.stringValue == "Request_ResourceNotFound")
        let (bad, _) = try await send("GET", "/v1.0/servicePrincipals?$filter=startswith(displayName,'a')")
        #expect(bad == 400)
    }

    @Test func usersGetByIdsAndMe() async throws {
        let (status, users) = try await send(
            "GET", "/v1.0/users?$filter=userPrincipalName%20eq%20'\(WellKnown.userPrincipalName.uppercased())'")
        #expect(status == 200)
        #expect(users?["value"]?[0]?["id"]?.stringValue == WellKnown.userObjectId)
        let (_, byUPN) = try await send("GET", "/v1.0/users/\(WellKnown.userPrincipalName)")
        #expect(byUPN?["id"]?.stringValue == WellKnown.userObjectId)

        let (_, objects) = try await send(
            "POST", "/v1.0/directoryObjects/getByIds",
            body:
                #"{"ids":["\#(WellKnown.userObjectId)","\#(WellKnown.operatorObjectId)","\#(newGUID())"],"types":["user","servicePrincipal"]}"#
        )
        let types = objects?["value"]?.arrayValue?.compactMap { $0["@odata.type"]?.stringValue }
        #expect(types == ["#microsoft.graph.user", "#microsoft.graph.servicePrincipal"])

        let (appMe, _) = try await send("GET", "/v1.0/me")
        #expect(appMe == 400)
        let user = Caller(
            objectId: WellKnown.userObjectId, tenantId: WellKnown.tenantId, principalType: .user,
            userPrincipalName: WellKnown.userPrincipalName)
        let (meStatus, me) = try await send("GET", "/v1.0/me", as: user)
        #expect(meStatus == 200)
        #expect(me?["userPrincipalName"]?.stringValue == WellKnown.userPrincipalName)
    }
}
