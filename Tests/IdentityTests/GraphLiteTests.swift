import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Testing

@testable import Identity

/// Graph-lite through its pipeline as the emulator builds it (`GraphLite.pipeline`), with a test
/// authenticator in the authentication slot only.
@Suite struct GraphLiteTests {
    let directory = Directory()

    /// Graph-lite's pipeline as the emulator builds it, authenticating as `caller` (else the operator).
    func client(as caller: Caller? = nil) -> TestClient {
        let who =
            caller
            ?? Caller(
                objectId: WellKnown.operatorObjectId, tenantId: WellKnown.tenantId, appId: WellKnown.operatorClientId,
                principalType: .servicePrincipal)
        let pipeline = GraphLite(directory: directory).pipeline(authentication: TestAuthenticator(defaultCaller: who))
        return TestClient { request in await pipeline.handle(request) }
    }

    @Test func servicePrincipalLookupsAzMakes() async throws {
        let sp = directory.createServicePrincipal(displayName: "app one")
        let jsonReply = try await client().send(
            "GET", "/v1.0/servicePrincipals?$filter=servicePrincipalNames/any(c:c%20eq%20'\(sp.appId.uppercased())')")
        let status = jsonReply.status
        let json = jsonReply.json
        #expect(status == 200)
        #expect(json?["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [sp.objectId])
        let byAppReply = try await client().send("GET", "/v1.0/servicePrincipals?$filter=appId%20eq%20'\(sp.appId)'")
        let byApp = byAppReply.json
        #expect(byApp?["value"]?[0]?["servicePrincipalType"]?.stringValue == "Application")
        let identityReply = try await client().send("GET", "/v1.0/servicePrincipals/\(WellKnown.managedIdentityObjectId)")
        let identity = identityReply.json
        #expect(identity?["servicePrincipalType"]?.stringValue == "ManagedIdentity")
        let errorReply = try await client().send("GET", "/v1.0/servicePrincipals/\(newGUID())")
        let missing = errorReply.status
        let error = errorReply.json
        #expect(missing == 404)
        #expect(error?["error"]?["code"]?.stringValue == "Request_ResourceNotFound")
        let startedReply = try await client().send("GET", "/v1.0/servicePrincipals?$filter=startswith(displayName,'APP%20o')")
        let started = startedReply.json
        #expect(started?["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [sp.objectId])
        let badReply = try await client().send("GET", "/v1.0/servicePrincipals?$filter=displayName%20gt%20'a'")
        let bad = badReply.status
        #expect(bad == 400)
    }

    @Test func usersGetByIdsAndMe() async throws {
        let usersReply = try await client().send(
            "GET", "/v1.0/users?$filter=userPrincipalName%20eq%20'\(WellKnown.userPrincipalName.uppercased())'")
        let status = usersReply.status
        let users = usersReply.json
        #expect(status == 200)
        #expect(users?["value"]?[0]?["id"]?.stringValue == WellKnown.userObjectId)
        let byUPNReply = try await client().send("GET", "/v1.0/users/\(WellKnown.userPrincipalName)")
        let byUPN = byUPNReply.json
        #expect(byUPN?["id"]?.stringValue == WellKnown.userObjectId)

        let objectsReply = try await client().send(
            "POST", "/v1.0/directoryObjects/getByIds",
            body:
                #"{"ids":["\#(WellKnown.userObjectId)","\#(WellKnown.operatorObjectId)","\#(newGUID())"],"types":["user","servicePrincipal"]}"#
        )
        let objects = objectsReply.json
        let types = objects?["value"]?.arrayValue?.compactMap { $0["@odata.type"]?.stringValue }
        #expect(types == ["#microsoft.graph.user", "#microsoft.graph.servicePrincipal"])

        let appMeReply = try await client().send("GET", "/v1.0/me")
        let appMe = appMeReply.status
        #expect(appMe == 400)
        let user = Caller(
            objectId: WellKnown.userObjectId, tenantId: WellKnown.tenantId, principalType: .user,
            userPrincipalName: WellKnown.userPrincipalName)
        let meReply = try await client(as: user).send("GET", "/v1.0/me")
        let meStatus = meReply.status
        let me = meReply.json
        #expect(meStatus == 200)
        #expect(me?["userPrincipalName"]?.stringValue == WellKnown.userPrincipalName)
    }

    static let outsider = Caller(
        objectId: "12345678-1234-4234-8234-123456789012", tenantId: WellKnown.tenantId, appId: "12345678-1234-4234-8234-123456789013",
        principalType: .servicePrincipal)

    /// `az ad sp create-for-rbac`'s Graph calls: application, password, service principal; the
    /// password then signs the service principal in.
    @Test func applicationPasswordAndServicePrincipal() async throws {
        let appReply = try await client().send("POST", "/v1.0/applications", body: #"{"displayName":"ci-bot"}"#)
        let created = appReply.status
        let app = appReply.json
        #expect(created == 201)
        let objectId = try #require(app?["id"]?.stringValue)
        let appId = try #require(app?["appId"]?.stringValue)
        #expect(objectId != appId)
        #expect(app?["passwordCredentials"]?.arrayValue == [])

        let passwordReply = try await client().send(
            "POST", "/v1.0/applications/\(objectId)/addPassword",
            body:
                #"{"passwordCredential":{"displayName":"rbac","startDateTime":"2026-01-01T00:00:00Z","endDateTime":"2099-01-01T00:00:00Z"}}"#
        )
        let password = passwordReply.json
        let secret = try #require(password?["secretText"]?.stringValue)
        #expect(password?["hint"]?.stringValue == String(secret.prefix(3)))
        let shownReply = try await client().send("GET", "/v1.0/applications/\(objectId)")
        let shown = shownReply.json
        #expect(shown?["passwordCredentials"]?[0]?["secretText"] == .null)
        #expect(shown?["passwordCredentials"]?[0]?["displayName"]?.stringValue == "rbac")

        let spReply = try await client().send("POST", "/v1.0/servicePrincipals", body: #"{"appId":"\#(appId)","accountEnabled":true}"#)
        let spStatus = spReply.status
        let sp = spReply.json
        #expect(spStatus == 201)
        #expect(sp?["appId"]?.stringValue == appId)
        let conflictReply = try await client().send("POST", "/v1.0/servicePrincipals", body: #"{"appId":"\#(appId)"}"#)
        let again = conflictReply.status
        let conflict = conflictReply.json
        #expect(again == 409)
        #expect(conflict?["error"]?["code"]?.stringValue == "Request_MultipleObjectsWithSameKeyValue")
        let orphanReply = try await client().send("POST", "/v1.0/servicePrincipals", body: #"{"appId":"\#(newGUID())"}"#)
        let orphan = orphanReply.status
        #expect(orphan == 400)

        let principal = try #require(directory.servicePrincipal(appId: appId))
        #expect(directory.acceptsSecret(secret, for: principal))
        #expect(!directory.acceptsSecret("wrong", for: principal))
        let keyId = try #require(password?["keyId"]?.stringValue)
        let removedReply = try await client().send("POST", "/v1.0/applications/\(objectId)/removePassword", body: #"{"keyId":"\#(keyId)"}"#)
        let removed = removedReply.status
        #expect(removed == 204)
        #expect(!directory.acceptsSecret(secret, for: principal))

        let filteredReply = try await client().send("GET", "/v1.0/applications?$filter=appId%20eq%20'\(appId)'")
        let filtered = filteredReply.json
        #expect(filtered?["value"]?.arrayValue?.count == 1)
        #expect(try await client().send("DELETE", "/v1.0/applications/\(objectId)").status == 204)
        // Deleting the application deletes its service principal, as in Entra.
        #expect(directory.servicePrincipal(appId: appId) == nil)
        #expect(try await client().send("GET", "/v1.0/applications/\(objectId)").status == 404)
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
        let jsonReply = try await client(as: Self.outsider).send("POST", "/v1.0/groups", body: #"{"displayName":"g","mailNickname":"g"}"#)
        let status = jsonReply.status
        let json = jsonReply.json
        #expect(status == 403)
        #expect(json?["error"]?["code"]?.stringValue == "Authorization_RequestDenied")
        #expect(json?["error"]?["message"]?.stringValue == "Insufficient privileges to complete the operation.")
        let inner = json?["error"]?["innerError"]
        #expect(inner?["request-id"]?.stringValue != nil && inner?["client-request-id"]?.stringValue != nil)
        #expect(inner?["date"]?.stringValue?.count == 19)
        #expect(directory.groups.isEmpty)
        // Reads stay open.
        #expect(try await client(as: Self.outsider).send("GET", "/v1.0/users").status == 200)
        // The emulator's own principals cannot be deleted.
        #expect(try await client().send("DELETE", "/v1.0/users/\(WellKnown.userObjectId)").status == 403)
    }

    @Test func usersAreCreatedInTheTenantDomainAndDeleted() async throws {
        let body =
            #"{"accountEnabled":true,"displayName":"Ann","mailNickname":"ann","userPrincipalName":"ann@\#(WellKnown.tenantDomain)","passwordProfile":{"password":"Pass-word-1","forceChangePasswordNextSignIn":false}}"#
        let userReply = try await client().send("POST", "/v1.0/users", body: body)
        let status = userReply.status
        let user = userReply.json
        #expect(status == 201)
        let id = try #require(user?["id"]?.stringValue)
        #expect(directory.user(userPrincipalName: "ANN@\(WellKnown.tenantDomain)")?.password == "Pass-word-1")
        let errorReply = try await client().send("POST", "/v1.0/users", body: body)
        let duplicate = errorReply.status
        let error = errorReply.json
        #expect(duplicate == 400)
        #expect(error?["error"]?["code"]?.stringValue == "Request_BadRequest")
        let foreign = body.replacingOccurrences(of: "ann@\(WellKnown.tenantDomain)", with: "bob@contoso.com")
        let domainReply = try await client().send("POST", "/v1.0/users", body: foreign)
        let domain = domainReply.json
        #expect(domain?["error"]?["message"]?.stringValue?.contains("domain portion") == true)
        let missingReply = try await client().send("POST", "/v1.0/users", body: #"{"displayName":"x"}"#)
        let missing = missingReply.json
        #expect(missing?["error"]?["code"]?.stringValue == "Request_BadRequest")
        let patch = #"{"displayName":"Ann B","passwordProfile":{"password":"New-pass-2"}}"#
        #expect(try await client().send("PATCH", "/v1.0/users/\(id)", body: patch).status == 204)
        #expect(directory.user(objectId: id)?.password == "New-pass-2")
        #expect(directory.user(objectId: id)?.displayName == "Ann B")
        #expect(try await client().send("DELETE", "/v1.0/users/\(id)").status == 204)
        #expect(try await client().send("GET", "/v1.0/users/\(id)").status == 404)
    }

    @Test func groupsMembersAndTransitiveChecks() async throws {
        let innerReply = try await client().send(
            "POST", "/v1.0/groups", body: #"{"displayName":"devs","mailNickname":"devs","mailEnabled":false,"securityEnabled":true}"#)
        let inner = innerReply.json
        let outerReply = try await client().send("POST", "/v1.0/groups", body: #"{"displayName":"all","mailNickname":"all"}"#)
        let outer = outerReply.json
        let innerId = try #require(inner?["id"]?.stringValue)
        let outerId = try #require(outer?["id"]?.stringValue)
        func reference(_ id: String) -> String { #"{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/\#(id)"}"# }
        #expect(
            try await client().send("POST", "/v1.0/groups/\(innerId)/members/$ref", body: reference(WellKnown.userObjectId)).status == 204)
        let errorReply = try await client().send("POST", "/v1.0/groups/\(innerId)/members/$ref", body: reference(WellKnown.userObjectId))
        let duplicate = errorReply.status
        let error = errorReply.json
        #expect(duplicate == 400)
        #expect(error?["error"]?["message"]?.stringValue?.contains("already exist") == true)
        #expect(try await client().send("POST", "/v1.0/groups/\(outerId)/members/$ref", body: reference(innerId)).status == 204)
        #expect(try await client().send("POST", "/v1.0/groups/\(outerId)/members/$ref", body: reference(newGUID())).status == 404)

        let membersReply = try await client().send("GET", "/v1.0/groups/\(outerId)/members")
        let members = membersReply.json
        #expect(members?["value"]?[0]?["@odata.type"]?.stringValue == "#microsoft.graph.group")
        let checkReply = try await client().send(
            "POST", "/v1.0/directoryObjects/\(WellKnown.userObjectId)/checkMemberGroups",
            body: #"{"groupIds":["\#(outerId)","\#(newGUID())"]}"#)
        let check = checkReply.json
        #expect(check?["value"]?.arrayValue?.compactMap(\.stringValue) == [outerId])
        #expect(Set(directory.transitiveGroupIds(of: WellKnown.userObjectId)) == [innerId, outerId])
        let byNameReply = try await client().send(
            "GET", "/v1.0/groups?$filter=displayName%20eq%20'devs'%20and%20mailNickname%20eq%20'devs'")
        let byName = byNameReply.json
        #expect(byName?["value"]?.arrayValue?.count == 1)
        let objectsReply = try await client().send("POST", "/v1.0/directoryObjects/getByIds", body: #"{"ids":["\#(innerId)"]}"#)
        let objects = objectsReply.json
        #expect(objects?["value"]?[0]?["@odata.type"]?.stringValue == "#microsoft.graph.group")

        #expect(try await client().send("DELETE", "/v1.0/groups/\(innerId)/members/\(WellKnown.userObjectId)/$ref").status == 204)
        #expect(directory.transitiveGroupIds(of: WellKnown.userObjectId).isEmpty)
        #expect(try await client().send("DELETE", "/v1.0/groups/\(innerId)/members/\(WellKnown.userObjectId)/$ref").status == 404)
        #expect(try await client().send("DELETE", "/v1.0/groups/\(innerId)").status == 204)
        #expect(directory.group(objectId: outerId)?.members == [])
    }
}
