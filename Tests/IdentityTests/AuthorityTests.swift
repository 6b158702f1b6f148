import Testing

@testable import Identity

@Suite struct AuthorityTests {
    @Test func resolvesIdsDomainsAndAliases() throws {
        let directory = Directory()
        #expect(try Authority.resolve(WellKnown.tenantId.uppercased(), in: directory).tenant?.tenantId == WellKnown.tenantId)
        #expect(try Authority.resolve(WellKnown.tenantDomain, in: directory).pathSegment == WellKnown.tenantId)
        #expect(try Authority.resolve("Organizations", in: directory) == .organizations)
        #expect(try Authority.resolve("common", in: directory) == .common)
        #expect(throws: EntraError.tenantNotFound("consumers")) { try Authority.resolve("consumers", in: directory) }
    }
}
