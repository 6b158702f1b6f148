import Testing

@testable import Identity

@Suite struct Base64URLTests {
    @Test func encodesWithoutPaddingInTheURLAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
        #expect(Base64URL.encode("{\"alg\":\"RS256\"}") == "eyJhbGciOiJSUzI1NiJ9")
    }

    @Test func decodesWhatItEncodes() {
        let bytes: [UInt8] = (0...255).map { UInt8($0) }
        #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        #expect(Base64URL.decode("-_8=") == [0xfb, 0xff])
    }

    @Test func refusesOtherAlphabets() {
        #expect(Base64URL.decode("+/8") == nil)
        #expect(Base64URL.decode("a b") == nil)
        #expect(Base64URL.decode("A") == nil)
    }
}
