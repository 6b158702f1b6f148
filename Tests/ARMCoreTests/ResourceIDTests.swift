import Testing

@testable import ARMCore

@Suite struct ResourceIDTests {
    let sub = Fixture.subscription

    @Test func buildsCanonicalTextWithGivenNameCasing() {
        // Given an account id built from parts
        let id = ResourceID(
            subscriptionID: sub, resourceGroup: "MyRG", namespace: "Microsoft.CognitiveServices", types: ["accounts"], names: ["Acct1"])
        // Then literal segments are canonical and names are as given
        #expect(id.description == "/subscriptions/\(sub)/resourceGroups/MyRG/providers/Microsoft.CognitiveServices/accounts/Acct1")
        #expect(id.key == id.description.lowercased())
    }

    @Test func equalityAndHashingIgnoreCase() {
        let a = ResourceID("/subscriptions/\(sub)/resourcegroups/rg/providers/microsoft.cognitiveservices/ACCOUNTS/a")!
        let b = ResourceID("/SUBSCRIPTIONS/\(sub.uppercased())/resourceGroups/RG/providers/Microsoft.CognitiveServices/accounts/A")!
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
    }

    @Test func wellKnownLevels() {
        #expect(ResourceID.tenantRoot.description == "/")
        #expect(ResourceID.subscription(sub).description == "/subscriptions/\(sub)")
        #expect(ResourceID.resourceGroup(subscriptionID: sub, name: "rg").description == "/subscriptions/\(sub)/resourceGroups/rg")
    }
}
