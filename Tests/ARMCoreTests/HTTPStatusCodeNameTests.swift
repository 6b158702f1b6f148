import Testing

@testable import ARMCore

@Suite struct HTTPStatusCodeNameTests {
    @Test func namesAreDotNetHttpStatusCodeNames() {
        #expect(HTTPStatusCodeName.of(200) == "OK")
        #expect(HTTPStatusCodeName.of(204) == "NoContent")
        #expect(HTTPStatusCodeName.of(412) == "PreconditionFailed")
        #expect(HTTPStatusCodeName.of(429) == "TooManyRequests")
        #expect(HTTPStatusCodeName.of(502) == "BadGateway")
    }

    @Test func aStatusWithoutANameIsItsNumber() {
        #expect(HTTPStatusCodeName.of(418) == "418")
        #expect(HTTPStatusCodeName.of(599) == "599")
    }
}
