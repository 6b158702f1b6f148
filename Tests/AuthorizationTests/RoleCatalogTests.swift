import Testing

@testable import Authorization

@Suite struct RoleCatalogTests {
    let catalog = RoleCatalog.standard

    @Test(arguments: [
        ("Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"),
        ("Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c"),
        ("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7"),
        ("User Access Administrator", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"),
        ("Role Based Access Control Administrator", "f58310d9-a9f6-439a-9e8d-f62e7b41a168"),
        ("Azure AI Developer", "64702f94-c441-49e6-a78b-ef80e0188fee"),
        ("Azure AI Administrator", "b78c5d69-af96-48a3-bf8d-a8b4d589de94"),
        ("Azure AI User", "53ca6127-db72-4b80-b1b0-d745d6d5456d"),
        ("Azure AI Project Manager", "eadc314b-1a2d-4efa-be10-5d325db5065e"),
        ("Azure AI Account Owner", "e47c6f54-e4a2-4754-9501-8e0985b135e1"),
        ("Azure AI Inference Deployment Operator", "3afb7f49-54cb-416e-8c09-6dc049efa503"),
        ("Cognitive Services Contributor", "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68"),
        ("Cognitive Services User", "a97b65f3-24c7-4388-baec-2e87135dc908"),
        ("Cognitive Services OpenAI User", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"),
        ("Cognitive Services OpenAI Contributor", "a001fd3d-188f-4b5d-821b-7da978bf7442"),
        ("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"),
        ("Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"),
        ("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6"),
    ])
    func everyRoleTheIssueListsHasItsRealGUID(roleName: String, guid: String) throws {
        let role = try #require(catalog.builtIn(roleName: roleName))
        #expect(role.name == guid)
        #expect(catalog.builtIn(guid: guid.uppercased())?.roleName == roleName)
        #expect(role.type == "BuiltInRole")
        #expect(role.assignableScopes == ["/"])
        #expect(!role.description.isEmpty)
        #expect(!role.permissions.isEmpty)
    }

    @Test func permissionsAreTheDocumentedOnes() throws {
        let contributor = try #require(catalog.builtIn(roleName: "Contributor"))
        #expect(contributor.permissions[0].actions == ["*"])
        #expect(contributor.permissions[0].notActions.contains("Microsoft.Authorization/*/Write"))
        let developer = try #require(catalog.builtIn(roleName: "Azure AI Developer"))
        #expect(developer.permissions[0].notActions.contains("Microsoft.MachineLearningServices/workspaces/write"))
        #expect(developer.permissions[0].dataActions.contains("Microsoft.CognitiveServices/accounts/OpenAI/*"))
        let manager = try #require(catalog.builtIn(roleName: "Azure AI Project Manager"))
        #expect(manager.permissions[0].condition?.contains("53ca6127-db72-4b80-b1b0-d745d6d5456d") == true)
        // Every block condition of the catalog parses.
        for role in catalog.builtIns {
            for permission in role.permissions {
                if let condition = permission.condition { _ = try ConditionParser.parse(condition) }
            }
        }
        // The wire form has all four arrays, even empty.
        let json = catalog.builtIn(roleName: "Reader")!.permissions[0].json
        #expect(json["notDataActions"]?.arrayValue?.isEmpty == true)
    }
}
