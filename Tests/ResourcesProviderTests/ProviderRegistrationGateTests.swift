import Testing

@testable import ResourcesProvider

@Suite struct ProviderRegistrationGateTests {
    @Test func namespaceIsTheActionsFirstSegment() {
        #expect(ProviderRegistrationGate.namespace(of: "Microsoft.CognitiveServices/accounts/write") == "Microsoft.CognitiveServices")
        #expect(ProviderRegistrationGate.namespace(of: "Microsoft.Resources/subscriptions/resourceGroups/write") == "Microsoft.Resources")
        #expect(ProviderRegistrationGate.namespace(of: "Microsoft.Storage") == "Microsoft.Storage")
        // As `split(separator: "/")` read it: empty segments are skipped, none at all is nil
        #expect(ProviderRegistrationGate.namespace(of: "/Microsoft.Web/sites/write") == "Microsoft.Web")
        #expect(ProviderRegistrationGate.namespace(of: "") == nil)
        #expect(ProviderRegistrationGate.namespace(of: "/") == nil)
        #expect(ProviderRegistrationGate.namespace(of: "Ünïcode.Ns/x") == "Ünïcode.Ns")
    }
}
