import Testing

@testable import ARMCore

@Suite struct NameRulesTests {
    @Test func validResourceGroupNames() throws {
        for name in ["rg", "My_RG-1.(test)", "日本語グループ", "ré", String(repeating: "a", count: 90), "a.b"] {
            try NameRules.validateResourceGroupName(name)
        }
    }

    @Test func invalidCharactersAreListedOnce() {
        let error = expectARMError { try NameRules.validateResourceGroupName("rg#1 a#b!") }
        #expect(error?.code == "InvalidResourceGroup")
        #expect(error?.message.hasPrefix("The provided resource group name 'rg#1 a#b!' has these invalid characters: '# !'.") == true)
    }

    @Test func lengthAndTrailingPeriod() {
        for name in ["", String(repeating: "a", count: 91), "rg."] {
            let error = expectARMError { try NameRules.validateResourceGroupName(name) }
            #expect(error?.code == "InvalidResourceGroup", "\(name)")
            #expect(error?.message.contains("cannot end with a period") == true)
        }
    }

    @Test func genericResourceNameRule() throws {
        try NameRules.validateResourceName("acct-1.x_y", type: "Microsoft.CognitiveServices/accounts")
        try NameRules.validateResourceName(String(repeating: "n", count: 260), type: "t")
        for name in ["a<b", "a>b", "a%b", "a&b", "a:b", "a\\b", "a?b", "a/b", "a\u{7}b", "", String(repeating: "n", count: 261)] {
            let error = expectARMError { try NameRules.validateResourceName(name, type: "Microsoft.Foo/bars") }
            #expect(error?.code == "InvalidResourceName", "\(name)")
            #expect(error?.message.hasPrefix("Resource name '\(name)' of type 'Microsoft.Foo/bars' is invalid.") == true)
        }
    }

    @Test func theASCIIFastPathAgreesWithTheCharacterRule() throws {
        // Every ASCII byte is accepted by the byte check exactly when the character rule accepts it
        for byte in UInt8(0)..<0x80 {
            let character = Character(Unicode.Scalar(byte))
            #expect(NameRules.isResourceGroupASCIIByte(byte) == NameRules.isResourceGroupCharacter(character), "byte \(byte)")
        }
        // And names mixing ASCII with other letters still go through the character rule
        try NameRules.validateResourceGroupName("Grüße-(1)_x.y")
        #expect(throws: ARMError.self) { try NameRules.validateResourceGroupName("ok-then-#") }
        #expect(throws: ARMError.self) { try NameRules.validateResourceGroupName("ümlaut ") }
    }
}
