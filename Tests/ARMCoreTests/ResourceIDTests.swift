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

    @Test func theKeyIsTheLowerCasedTextForASCIIAndOtherText() {
        // Given ids with upper-case ASCII, none, and non-ASCII letters, built whole and by extension
        let ascii = ResourceID(subscriptionID: sub, resourceGroup: "MyRG")
        let lower = ResourceID("/subscriptions/\(sub)")!
        let unicode = ResourceID(subscriptionID: sub, resourceGroup: "Grüße-ÄÖÜ")
        let child = ascii.appending(namespace: "Microsoft.CognitiveServices", type: "accounts", name: "ÄBC").child(
            type: "deployments", name: "Dép")
        let extensionAtRoot = ResourceID.tenantRoot.appending(namespace: "Microsoft.Authorization", type: "roleAssignments", name: "A")
        // Then each key is the text lower-cased, as `String.lowercased` gives it
        for id in [ascii, lower, unicode, child, extensionAtRoot] { #expect(id.key == id.description.lowercased(), "\(id)") }
    }
}
