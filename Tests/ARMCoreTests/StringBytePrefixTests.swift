import Testing

@testable import ARMCore

@Suite struct StringBytePrefixTests {
    @Test func bytePrefixComparesUTF8() {
        let id = "/subscriptions/fe000000-0000-4000-8000-000000000002/resourceGroups/rg"
        #expect((id + "?api-version=2024-11-01").hasBytePrefix(id))
        #expect(id.hasBytePrefix(id))
        #expect(id.hasBytePrefix(""))
        #expect(!id.hasBytePrefix(id + "x"))
        #expect(!id.hasBytePrefix("/Subscriptions"))
        #expect("".hasBytePrefix(""))
        #expect(!"".hasBytePrefix("a"))
        // Bytes, not Characters: "e" + combining acute is not the precomposed "é"
        #expect(!"e\u{301}x".hasBytePrefix("é"))
        #expect("éx".hasBytePrefix("é"))
    }

    @Test func aSeparatorMustFollowThePrefix() {
        let group = "/subscriptions/s/resourcegroups/rg"
        #expect((group + "/providers/x").hasBytePrefix(group, followedBy: UInt8(ascii: "/")))
        #expect(!(group + "2/providers/x").hasBytePrefix(group, followedBy: UInt8(ascii: "/")))
        #expect(!group.hasBytePrefix(group, followedBy: UInt8(ascii: "/")))
        #expect("/x".hasBytePrefix("", followedBy: UInt8(ascii: "/")))
    }
}
