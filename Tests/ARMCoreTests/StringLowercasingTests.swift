import Testing

@testable import ARMCore

@Suite struct StringLowercasingTests {
    @Test func lowerCaseASCIIIsItself() {
        // Given text that is already lower-case ASCII
        let id = "fe000000-0000-4000-8000-000000000002/resourcegroups/rg_1.(x)"
        // Then it is its own lower-case form
        #expect(id.isLowercaseASCII)
        #expect(id.lowercasedIfNeeded == id)
        #expect("".lowercasedIfNeeded == "")
    }

    @Test func anythingElseIsLowerCased() {
        // Upper-case letters anywhere, at the ends of the A-Z range too
        for text in ["A", "Z", "aZ", "resourceGroups", "MICROSOFT.Resources", "fe00000A-0000"] {
            #expect(!text.isLowercaseASCII)
            #expect(text.lowercasedIfNeeded == text.lowercased())
        }
        // Bytes just outside A-Z stay as they are
        #expect("@[`{".isLowercaseASCII)
        // Non-ASCII text goes through Unicode lower-casing, lower-case or not
        for text in ["ÄRGER", "ärger", "İstanbul", "ΣΑΣ"] {
            #expect(!text.isLowercaseASCII)
            #expect(text.lowercasedIfNeeded == text.lowercased())
        }
    }
}
