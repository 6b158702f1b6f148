import Foundation
import JSON
import Testing

@testable import ARMCore

@Suite struct SystemDataTests {
    let created = Date(timeIntervalSince1970: 1_746_454_205)
    let modified = Date(timeIntervalSince1970: 1_746_457_805)

    @Test func userCreatesWithUPN() {
        let data = SystemData.make(caller: Fixture.user, at: created)
        #expect(data.keys == ["createdBy", "createdByType", "createdAt", "lastModifiedBy", "lastModifiedByType", "lastModifiedAt"])
        #expect(data["createdBy"] == "alice@contoso.com")
        #expect(data["createdByType"] == "User")
        #expect(data["createdAt"] == "2025-05-05T14:10:05.0000000Z")
        #expect(data["lastModifiedAt"] == data["createdAt"])
    }

    @Test func updateByAnAppKeepsCreatedFields() {
        // Given a resource a user created
        var body: JSONObject = [:]
        SystemData.stamp(&body, caller: Fixture.user, at: created)
        // When an application updates it
        var updated: JSONObject = ["properties": [:]]
        SystemData.stamp(&updated, caller: Fixture.app, at: modified, previousBody: body)
        // Then created* stay, lastModified* name the app by its appId
        let data = updated["systemData"]
        #expect(data?["createdBy"] == "alice@contoso.com")
        #expect(data?["createdAt"] == "2025-05-05T14:10:05.0000000Z")
        #expect(data?["lastModifiedBy"] == "app-client-id-0001")
        #expect(data?["lastModifiedByType"] == "Application")
        #expect(data?["lastModifiedAt"] == "2025-05-05T15:10:05.0000000Z")
    }

    @Test func internalWritesOmitTheActor() {
        let data = SystemData.make(caller: nil, at: created)
        #expect(data.keys == ["createdAt", "lastModifiedAt"])
    }
}
