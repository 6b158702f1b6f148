import Testing

@testable import ARMCore

@Suite struct ResourceIDParsingTests {
    let sub = Fixture.subscription

    @Test func parsesAnyLiteralCasingAndPrintsCanonically() throws {
        // Given the lower-case path the SDKs and az send
        let id = try #require(
            ResourceID("/subscriptions/\(sub)/resourcegroups/rg1/PROVIDERS/Microsoft.CognitiveServices/accounts/acct1/deployments/gpt4o"))
        // Then the parts are read and `description` uses canonical literals
        #expect(id.subscriptionID == sub)
        #expect(id.resourceGroup == "rg1")
        #expect(id.namespace == "Microsoft.CognitiveServices")
        #expect(id.types == ["accounts", "deployments"])
        #expect(id.names == ["acct1", "gpt4o"])
        #expect(
            id.description
                == "/subscriptions/\(sub)/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/acct1/deployments/gpt4o")
    }

    @Test func toleratesEmptySegments() {
        #expect(ResourceID("//subscriptions//\(sub)/resourceGroups/rg/")?.resourceGroup == "rg")
    }

    @Test func parsesExtensionResources() throws {
        let text =
            "/subscriptions/\(sub)/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a"
            + "/providers/Microsoft.Authorization/roleAssignments/ra1"
        let id = try #require(ResourceID(text))
        #expect(id.isExtensionResource)
        #expect(id.providers.count == 2)
        #expect(id.fullType == "Microsoft.Authorization/roleAssignments")
        #expect(id.name == "ra1")
        #expect(id.scope?.description == "/subscriptions/\(sub)/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a")
        #expect(id.description == text)
    }

    @Test func parsesTenantAndSubscriptionLevelProviders() throws {
        let tenantLevel = try #require(ResourceID("/providers/Microsoft.Management/managementGroups/mg1"))
        #expect(tenantLevel.subscriptionID == nil)
        #expect(tenantLevel.fullType == "Microsoft.Management/managementGroups")
        let subLevel = try #require(ResourceID("/subscriptions/\(sub)/providers/Microsoft.Authorization/roleDefinitions/r1"))
        #expect(subLevel.resourceGroup == nil)
        #expect(subLevel.parent == .subscription(sub))
        #expect(ResourceID("/")?.level == .tenant)
    }

    @Test func rejectsNonIds() {
        let bad = [
            "subscriptions/\(sub)", "/subscriptions", "/subscriptions/\(sub)/resourceGroups",
            "/subscriptions/\(sub)/resourceGroups/rg/providers", "/subscriptions/\(sub)/resourceGroups/rg/providers/NS",
            "/subscriptions/\(sub)/resourceGroups/rg/providers/NS/accounts", "/subscriptions/\(sub)/locations/eastus",
            "/resourceGroups/rg",
        ]
        for text in bad { #expect(ResourceID(text) == nil, "\(text)") }
    }

    @Test func parseOfABodyPropertyThrowsLinkedInvalidPropertyId() {
        let error = expectARMError { _ = try ResourceID.parse("not-an-id", property: "properties.hubResourceId") }
        #expect(error?.code == "LinkedInvalidPropertyId")
        #expect(error?.message.hasPrefix("Property id 'not-an-id' at path 'properties.hubResourceId' is invalid.") == true)
    }

    @Test func nameNamedProvidersIsANameNotALiteral() throws {
        let id = try #require(ResourceID("/subscriptions/\(sub)/resourceGroups/rg/providers/NS/things/providers"))
        #expect(id.name == "providers")
    }
}
