import ARMCore
import Foundation
import Testing

@testable import InsightsProvider

/// The `$filter` grammar: what az 2.91.0 and azure-mgmt-monitor 7.0.0 send, and hostile filters.
@Suite struct ActivityLogFilterTests {
    static func date(_ text: String) -> Date { ARMTimestamp.date(from: text) ?? .distantPast }

    @Test(arguments: [
        // az's default window: naive UTC with microseconds, no quotes.
        ("eventTimestamp ge 2026-01-01T06:00:00.123456 and eventTimestamp le 2026-01-01T12:00:00.123456", "2026-01-01T06:00:00.123456Z"),
        // az with --start-time: a local offset.
        ("eventTimestamp ge 2026-01-01T08:00:00+02:00 and eventTimestamp le 2026-01-01T14:00:00+02:00", "2026-01-01T06:00:00Z"),
        // The same with the `+` decoded as a space.
        ("eventTimestamp ge 2026-01-01T08:00:00 02:00 and eventTimestamp le 2026-01-01T14:00:00 02:00", "2026-01-01T06:00:00Z"),
        // The spec's form: quoted, 7 fractional digits, Z.
        ("eventTimestamp ge '2026-01-01T06:00:00.1234567Z' and eventTimestamp le '2026-01-01T12:00:00Z'", "2026-01-01T06:00:00.1234567Z"),
        ("EVENTTIMESTAMP GE '2026-01-01T06:00:00-01:30'", "2026-01-01T07:30:00Z"),
        ("eventTimestamp ge '2026-01-01'", "2026-01-01T00:00:00Z"),
    ])
    func acceptsTheTimeWindowForms(filter: String, start: String) throws {
        let parsed = try ActivityLogFilter(parsing: filter)
        #expect(abs(parsed.start.timeIntervalSince(Self.date(start))) < 0.000_001)
    }

    @Test func readsEveryEqualityClauseInAnyOrderAndCase() throws {
        let filter = try ActivityLogFilter(
            parsing: "eventTimestamp ge 2026-01-01T00:00:00 and Status EQ 'Failed' and caller eq 'a@b.c' and "
                + "resourceId eq '/subscriptions/s/resourceGroups/rg' and correlationId eq 'c1' and resourceProvider eq 'Microsoft.X' and "
                + "resourceGroupName eq 'rg' and eventTimestamp le 2026-01-02T00:00:00 and eventChannels eq 'Admin, Operation'")
        #expect(filter.status == "Failed")
        #expect(filter.caller == "a@b.c")
        #expect(filter.resourceID == "/subscriptions/s/resourceGroups/rg")
        #expect(filter.correlationID == "c1")
        #expect(filter.resourceProvider == "Microsoft.X")
        #expect(filter.resourceGroupName == "rg")
        #expect(filter.channels == ["Admin", "Operation"])
        #expect(filter.end == Self.date("2026-01-02T00:00:00Z"))
    }

    @Test func resourceUriIsASynonymOfResourceIdAndQuotesDouble() throws {
        let filter = try ActivityLogFilter(parsing: "eventTimestamp ge 2026-01-01T00:00:00 and resourceUri eq 'it''s'")
        #expect(filter.resourceID == "it's")
    }

    @Test(arguments: [
        "", "eventTimestamp le 2026-01-01T00:00:00", "resourceGroupName eq 'rg'",
        "eventTimestamp ge 2026-01-01T00:00:00 and", "eventTimestamp ge 2026-01-01T00:00:00 or status eq 'x'",
        "eventTimestamp gt 2026-01-01T00:00:00", "eventTimestamp ge yesterday", "eventTimestamp ge 2026-01-01T00:00:00.12345678",
        "eventTimestamp ge 2026-01-01T00:00:00 and unknownField eq 'x'", "eventTimestamp ge 2026-01-01T00:00:00 and status ne 'x'",
        "eventTimestamp ge 2026-01-01T00:00:00 and status eq 'x",
        "eventTimestamp ge 2026-01-01T00:00:00 and status eq 'a' and status eq 'b'",
        "eventTimestamp ge 2026-01-01T00:00:00 and eventTimestamp ge 2026-01-02T00:00:00", "(eventTimestamp ge 2026-01-01T00:00:00)",
        "eventTimestamp ge 2026-01-01T00:00:00 and status eq 'a''''' and caller", "eventTimestamp ge '2026-13-01T00:00:00'",
    ])
    func refusesEverythingElse(filter: String) {
        #expect(throws: InsightsError.self) { try ActivityLogFilter(parsing: filter) }
    }

    @Test func hostileFiltersAreRefusedQuickly() {
        let clauses = String(repeating: " and status eq 'x'", count: 10_000)
        #expect(throws: InsightsError.self) { try ActivityLogFilter(parsing: "eventTimestamp ge 2026-01-01T00:00:00" + clauses) }
        let quotes = String(repeating: "'", count: 4000)
        #expect(throws: InsightsError.self) { try ActivityLogFilter(parsing: "eventTimestamp ge " + quotes) }
        let nested = "eventTimestamp ge 2026-01-01T00:00:00 and caller eq '" + String(repeating: "''", count: 1000) + "'"
        #expect((try? ActivityLogFilter(parsing: nested))?.caller == String(repeating: "'", count: 1000))
        let huge = String(repeating: "a", count: 1_000_000)
        #expect(throws: InsightsError.self) { try ActivityLogFilter(parsing: huge) }
        let bytes = String(decoding: (0..<4000).map { UInt8(truncatingIfNeeded: $0 * 7) }, as: UTF8.self)
        #expect(throws: InsightsError.self) { try ActivityLogFilter(parsing: bytes) }
    }

    @Test func errorsAreAzuresFlatBadRequest() {
        let response = InsightsError.invalidFilter("x").response
        #expect(response.status == 400)
        #expect(response.body?["code"] == "BadRequest")
        #expect(response.body?["error"] == nil)
    }
}
