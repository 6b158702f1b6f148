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

    @Test func everyPositionOfALongStringIsChecked() {
        // Eight bytes at a time and the rest one by one: an upper-case or non-ASCII byte at any
        // position of strings of every length up to 40 is found, and only those.
        for length in 1...40 {
            let lower = String(repeating: "a", count: length)
            #expect(lower.isLowercaseASCII)
            for position in 0..<length {
                for (replacement, isLower) in [("A", false), ("Z", false), ("@", true), ("[", true), ("é", false), ("z", true)] {
                    var characters = Array(lower)
                    characters[position] = Character(replacement)
                    let text = String(characters)
                    #expect(text.isLowercaseASCII == isLower, "\(text)")
                    // and lowering it byte by byte gives what Unicode lower-casing gives
                    #expect(text.lowercasedIfNeeded == text.lowercased(), "\(text)")
                }
            }
        }
    }
}
