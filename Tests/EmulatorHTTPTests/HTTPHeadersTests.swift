import Testing

@testable import EmulatorHTTP

@Suite struct HTTPHeadersTests {
    @Test func looksUpNamesCaseInsensitively() {
        var headers = HTTPHeaders([("Content-Type", "a"), ("x-ms-version", "1"), ("X-MS-Version", "2")])
        #expect(headers["content-type"] == "a")
        #expect(headers["X-Ms-Version"] == "1")
        #expect(headers.values("x-ms-VERSION") == ["1", "2"])
        #expect(headers.contains("CONTENT-TYPE"))
        headers.set("x-ms-version", "3")
        #expect(headers.values("X-MS-VERSION") == ["3"])
        headers.remove("content-TYPE")
        #expect(headers["Content-Type"] == nil)
    }

    @Test func matchesNamesLikeLowercasedComparison() {
        #expect(HTTPHeaders.namesMatch("Accept", "aCCEPT"))
        #expect(!HTTPHeaders.namesMatch("Accept", "Accept-Language"))
        #expect(!HTTPHeaders.namesMatch("Accept", "Bccept"))
        #expect(!HTTPHeaders.namesMatch("a[", "A{"))  // only letters fold
        #expect(HTTPHeaders.namesMatch("Stra\u{DF}e", "STRA\u{DF}E") == ("Stra\u{DF}e".lowercased() == "STRA\u{DF}E".lowercased()))
    }
}
