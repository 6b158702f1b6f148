import Testing

@testable import EmulatorHTTP

@Suite struct StringCaseInsensitiveTests {
    @Test func asciiInAnyCase() {
        #expect("Content-Type".equalsIgnoringCase("content-type"))
        #expect("X-MS-REQUEST-ID".equalsIgnoringCase("x-ms-request-id"))
        #expect("".equalsIgnoringCase(""))
        // Only letters fold: `@` and `` ` ``, `[` and `{` sit 0x20 apart too
        #expect(!"@".equalsIgnoringCase("`"))
        #expect(!"[".equalsIgnoringCase("{"))
        #expect(!"Content-Type".equalsIgnoringCase("Content-Typo"))
        #expect(!"Content-Type".equalsIgnoringCase("Content-Type "))
        #expect(!"a".equalsIgnoringCase(""))
    }

    @Test func nonASCIIFallsBackToUnicodeLowerCasing() {
        #expect("ÄRGER".equalsIgnoringCase("ärger"))
        #expect("Grüße".equalsIgnoringCase("GRÜẞE".lowercased()))
        #expect(!"ärger".equalsIgnoringCase("arger"))
        // Different byte counts that lower-case to the same text still match
        let kelvin = "\u{212A}"  // KELVIN SIGN lower-cases to "k"
        #expect(kelvin.equalsIgnoringCase("k") == (kelvin.lowercased() == "k"))
        #expect("x\(kelvin)".equalsIgnoringCase("XK") == ("x\(kelvin)".lowercased() == "xk"))
        // An ASCII difference before any non-ASCII letter decides at once
        #expect(!"ab\u{e9}".equalsIgnoringCase("ac\u{e9}"))
    }

    @Test func longAndShortTextsAlike() {
        // Texts past the 15 bytes kept inline in a String, against inline ones and each other
        #expect("Strict-Transport-Security".equalsIgnoringCase("strict-transport-security"))
        #expect(!"Strict-Transport-Security".equalsIgnoringCase("strict-transport-securitY "))
        #expect(!"Strict-Transport-Security".equalsIgnoringCase("Expires"))
        #expect(!"Expires".equalsIgnoringCase("Strict-Transport-Security"))
        #expect("X-MS-CORRELATION-REQUEST-ID".equalsIgnoringCase("x-ms-correlation-request-id"))
        // Non-ASCII long text still falls back to Unicode lower-casing
        #expect("ÄRGER-ÜBER-ÖFFNUNGSZEITEN".equalsIgnoringCase("ärger-über-öffnungszeiten"))
        #expect(!"ÄRGER-ÜBER-ÖFFNUNGSZEITEN".equalsIgnoringCase("ärger-über-öffnungszeitem"))
    }
}
