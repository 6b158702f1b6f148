import Testing

@testable import ARMCore

@Suite struct ARMRequestTests {
    @Test func segmentsAreSplitOnSlashesAndDecoded() {
        let request = ARMRequest(http: Fixture.http("GET", "//subscriptions/s/resourceGroups/r%C3%A9%20g/?api-version=1"))
        #expect(request.segments == ["subscriptions", "s", "resourceGroups", "ré g"])
        #expect(request.path == "/subscriptions/s/resourceGroups/ré g")
        #expect(request.query["api-version"] == "1")
        #expect(request.method == "GET")
    }
}
