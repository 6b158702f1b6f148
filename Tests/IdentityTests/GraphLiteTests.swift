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
            middleware: [
                GraphErrorMiddleware(), CallerMiddleware(caller: who),
                RouteMatchMiddleware(router: router),
            ],
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
        let (_, started) = try await send("GET", "/v1.0/servicePrincipals?$filter=startswith(displayName,'APP%20o')")
        #expect(started?["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [sp.objectId])
        let (bad, _) = try await send("GET", "/v1.0/servicePrincipals?$filter=displayName%20gt%20'a'")
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

    static let outsider = Caller(
        objectId: "12345678-1234-4234-8234-123456789012", tenantId: WellKnown.tenantId, appId: "12345678-1234-4234-8234-123456789013",
        principalType: .servicePrincipal)

    /// `az ad sp create-for-rbac`'s Graph calls: application, password, service principal; the
    /// password then signs the service principal in.
    @Test func applicationPasswordAndServicePrincipal() async throws {
        let (created, app) = try await send("POST", "/v1.0/applications", body: #"{"displayName":"ci-bot"}"#)
        #expect(created == 201)
        let objectId = try #require(app?["id"]?.stringValue)
        let appId = try #require(app?["appId"]?.stringValue)
        #expect(objectId != appId)
        #expect(app?["passwordCredentials"]?.arrayValue == [])

        let (_, password) = try await send(
            "POST", "/v1.0/applications/\(objectId)/addPassword",
            body:
                #"{"passwordCredential":{"displayName":"rbac","startDateTime":"2026-01-01T00:00:00Z","endDateTime":"2099-01-01T00:00:00Z"}}"#
        )
        let secret = try #require(password?["secretText"]?.stringValue)
        #expect(password?["hint"]?.stringValue == String(secret.prefix(3)))
        let (_, shown) = try await send("GET", "/v1.0/applications/\(objectId)")
        #expect(shown?["passwordCredentials"]?[0]?["secretText"] == .null)
        #expect(shown?["passwordCredentials"]?[0]?["displayName"]?.stringValue == "rbac")

        let (spStatus, sp) = try await send("POST", "/v1.0/servicePrincipals", body: #"{"appId":"\#(appId)","accountEnabled":true}"#)
        #expect(spStatus == 201)
        #expect(sp?["appId"]?.stringValue == appId)
        let (again, conflict) = try await send("POST", "/v1.0/servicePrincipals", body: #"{"appId":"\#(appId)"}"#)
        #expect(again == 409)
        #expect(conflict?["error"]?["code"]?.stringValue == "Request_MultipleObjectsWithSameKeyValue")
        let (orphan, _) = try await send("POST", "/v1.0/servicePrincipals", body: #"{"appId":"\#(newGUID())"}"#)
        #expect(orphan == 400)

        let principal = try #require(directory.servicePrincipal(appId: appId))
        #expect(directory.acceptsSecret(secret, for: principal))
        #expect(!directory.acceptsSecret("wrong", for: principal))
        let keyId = try #require(password?["keyId"]?.stringValue)
        let (removed, _) = try await send("POST", "/v1.0/applications/\(objectId)/removePassword", body: #"{"keyId":"\#(keyId)"}"#)
        #expect(removed == 204)
        #expect(!directory.acceptsSecret(secret, for: principal))

        let (_, filtered) = try await send("GET", "/v1.0/applications?$filter=appId%20eq%20'\(appId)'")
        #expect(filtered?["value"]?.arrayValue?.count == 1)
        #expect(try await send("DELETE", "/v1.0/applications/\(objectId)").0 == 204)
        // Deleting the application deletes its service principal, as in Entra.
        #expect(directory.servicePrincipal(appId: appId) == nil)
        #expect(try await send("GET", "/v1.0/applications/\(objectId)").0 == 404)
    }

    @Test func expiredPasswordsDoNotSignIn() throws {
        let app = try directory.createApplication(displayName: "old")
        _ = try directory.addPassword(
            applicationObjectId: app.objectId, displayName: nil, startDateTime: "2020-01-01T00:00:00Z", endDateTime: "2021-01-01T00:00:00Z")
        let principal = try directory.createServicePrincipal(forApplication: app)
        let secret = try #require(directory.application(objectId: app.objectId)?.passwordCredentials.first?.secretText)
        #expect(!directory.acceptsSecret(secret, for: principal))
    }

    /// Writes need directory rights; every error has Graph's shape with innerError.
    @Test func callersWithoutDirectoryRightsAreDenied() async throws {
        let (status, json) = try await send("POST", "/v1.0/groups", body: #"{"displayName":"g","mailNickname":"g"}"#, as: Self.outsider)
        #expect(status == 403)
        #expect(json?["error"]?["code"]?.stringValue == "Authorization_RequestDenied")
        #expect(json?["error"]?["message"]?.stringValue == "Insufficient privileges to complete the operation.")
        let inner = json?["error"]?["innerError"]
        #expect(inner?["request-id"]?.stringValue != nil && inner?["client-request-id"]?.stringValue != nil)
        #expect(inner?["date"]?.stringValue?.count == 19)
        #expect(directory.groups.isEmpty)
        // Reads stay open.
        #expect(try await send("GET", "/v1.0/users", as: Self.outsider).0 == 200)
        // The emulator's own principals cannot be deleted.
        #expect(try await send("DELETE", "/v1.0/users/\(WellKnown.userObjectId)").0 == 403)
    }

    @Test func usersAreCreatedInTheTenantDomainAndDeleted() async throws {
        let body =
            #"{"accountEnabled":true,"displayName":"Ann","mailNickname":"ann","userPrincipalName":"ann@\#(WellKnown.tenantDomain)","passwordProfile":{"password":"Pass-word-1","forceChangePasswordNextSignIn":false}}"#
        let (status, user) = try await send("POST", "/v1.0/users", body: body)
        #expect(status == 201)
        let id = try #require(user?["id"]?.stringValue)
        #expect(directory.user(userPrincipalName: "ANN@\(WellKnown.tenantDomain)")?.password == "Pass-word-1")
        let (duplicate, error) = try await send("POST", "/v1.0/users", body: body)
        #expect(duplicate == 400)
        #expect(error?["error"]?["code"]?.stringValue == "Request_BadRequest")
        let foreign = body.replacingOccurrences(of: "ann@\(WellKnown.tenantDomain)", with: "bob@contoso.com")
        let (_, domain) = try await send("POST", "/v1.0/users", body: foreign)
        #expect(domain?["error"]?["message"]?.stringValue?.contains("domain portion") == true)
        let (_, missing) = try await send("POST", "/v1.0/users", body: #"{"displayName":"x"}"#)
        #expect(missing?["error"]?["code"]?.stringValue == "Request_BadRequest")
        let patch = #"{"displayName":"Ann B","passwordProfile":{"password":"New-pass-2"}}"#
        #expect(try await send("PATCH", "/v1.0/users/\(id)", body: patch).0 == 204)
        #expect(directory.user(objectId: id)?.password == "New-pass-2")
        #expect(directory.user(objectId: id)?.displayName == "Ann B")
        #expect(try await send("DELETE", "/v1.0/users/\(id)").0 == 204)
        #expect(try await send("GET", "/v1.0/users/\(id)").0 == 404)
    }

    @Test func groupsMembersAndTransitiveChecks() async throws {
        let (_, inner) = try await send(
            "POST", "/v1.0/groups", body: #"{"displayName":"devs","mailNickname":"devs","mailEnabled":false,"securityEnabled":true}"#)
        let (_, outer) = try await send("POST", "/v1.0/groups", body: #"{"displayName":"all","mailNickname":"all"}"#)
        let innerId = try #require(inner?["id"]?.stringValue)
        let outerId = try #require(outer?["id"]?.stringValue)
        func reference(_ id: String) -> String { #"{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/\#(id)"}"# }
        #expect(try await send("POST", "/v1.0/groups/\(innerId)/members/$ref", body: reference(WellKnown.userObjectId)).0 == 204)
        let (duplicate, error) = try await send("POST", "/v1.0/groups/\(innerId)/members/$ref", body: reference(WellKnown.userObjectId))
        #expect(duplicate == 400)
        #expect(error?["error"]?["message"]?.stringValue?.contains("already exist") == true)
        #expect(try await send("POST", "/v1.0/groups/\(outerId)/members/$ref", body: reference(innerId)).0 == 204)
        #expect(try await send("POST", "/v1.0/groups/\(outerId)/members/$ref", body: reference(newGUID())).0 == 404)

        let (_, members) = try await send("GET", "/v1.0/groups/\(outerId)/members")
        #expect(members?["value"]?[0]?["@odata.type"]?.stringValue == "#microsoft.graph.group")
        let (_, check) = try await send(
            "POST", "/v1.0/directoryObjects/\(WellKnown.userObjectId)/checkMemberGroups",
            body: #"{"groupIds":["\#(outerId)","\#(newGUID())"]}"#)
        #expect(check?["value"]?.arrayValue?.compactMap(\.stringValue) == [outerId])
        #expect(Set(directory.transitiveGroupIds(of: WellKnown.userObjectId)) == [innerId, outerId])
        let (_, byName) = try await send("GET", "/v1.0/groups?$filter=displayName%20eq%20'devs'%20and%20mailNickname%20eq%20'devs'")
        #expect(byName?["value"]?.arrayValue?.count == 1)
        let (_, objects) = try await send("POST", "/v1.0/directoryObjects/getByIds", body: #"{"ids":["\#(innerId)"]}"#)
        #expect(objects?["value"]?[0]?["@odata.type"]?.stringValue == "#microsoft.graph.group")

        #expect(try await send("DELETE", "/v1.0/groups/\(innerId)/members/\(WellKnown.userObjectId)/$ref").0 == 204)
        #expect(directory.transitiveGroupIds(of: WellKnown.userObjectId).isEmpty)
        #expect(try await send("DELETE", "/v1.0/groups/\(innerId)/members/\(WellKnown.userObjectId)/$ref").0 == 404)
        #expect(try await send("DELETE", "/v1.0/groups/\(innerId)").0 == 204)
        #expect(directory.group(objectId: outerId)?.members == [])
    }
}
