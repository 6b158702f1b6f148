import Foundation
import Testing

@testable import ARMCore

@Suite struct ARMTimestampTests {
    @Test func sevenFractionalDigitsInUTC() {
        // 2025-05-05T14:10:05.9608228Z
        let date = Date(timeIntervalSince1970: 1_746_454_205.9608228)
        let text = ARMTimestamp.string(from: date)
        #expect(text.hasPrefix("2025-05-05T14:10:05.96082"))
        #expect(text.hasSuffix("Z"))
        #expect(text.count == "2025-05-05T14:10:05.9608228Z".count)
        #expect(ARMTimestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.0000000Z")
        #expect(ARMTimestamp.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.0000000Z")
        #expect(ARMTimestamp.string(from: Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.0000000Z")
        #expect(ARMTimestamp.string(from: Date(timeIntervalSince1970: 1_746_454_205.5)) == "2025-05-05T14:10:05.5000000Z")
        // Four-digit years are written in place; others as padded text
        #expect(ARMTimestamp.string(from: Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00.0000000Z")
        // (a Double this far from 1970 carries only some of the 100 ns ticks: the digits are not checked)
        let lastFourDigitSecond = ARMTimestamp.string(from: Date(timeIntervalSince1970: 253_402_300_799))
        #expect(lastFourDigitSecond.hasPrefix("9999-12-31T23:59:59.") && lastFourDigitSecond.hasSuffix("Z"))
        #expect(lastFourDigitSecond.utf8.count == 28)
        #expect(ARMTimestamp.string(from: Date(timeIntervalSince1970: 253_402_300_800)) == "10000-01-01T00:00:00.0000000Z")
    }

    @Test func compactFormForRoutingIds() {
        #expect(ARMTimestamp.compactString(from: Date(timeIntervalSince1970: 1_746_454_206)) == "20250505T141006Z")
        #expect(ARMTimestamp.compactString(from: Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        #expect(ARMTimestamp.compactString(from: Date(timeIntervalSince1970: -1)) == "19691231T235959Z")
        #expect(ARMTimestamp.compactString(from: Date(timeIntervalSince1970: 253_402_300_799)) == "99991231T235959Z")
        #expect(ARMTimestamp.compactString(from: Date(timeIntervalSince1970: 253_402_300_800)) == "100000101T000000Z")
    }

    @Test func parsing() throws {
        let date = try #require(ARMTimestamp.date(from: "2025-05-05T14:10:06.5Z"))
        #expect(date.timeIntervalSince1970 == 1_746_454_206.5)
        #expect(ARMTimestamp.date(from: "2025-05-05T16:10:06+02:00")?.timeIntervalSince1970 == 1_746_454_206)
        #expect(ARMTimestamp.date(from: "2025-02-30T00:00:00Z") == nil)
        #expect(ARMTimestamp.date(from: "yesterday") == nil)
        // Round trip at 100 ns precision
        let now = Date(timeIntervalSince1970: 1_700_000_000.1234567)
        let back = try #require(ARMTimestamp.date(from: ARMTimestamp.string(from: now)))
        #expect(abs(back.timeIntervalSince(now)) < 0.000001)
    }

    @Test func compactFormWrittenInPlace() {
        // 2025-05-05T14:10:05Z, written after four bytes of a larger buffer
        let date = Date(timeIntervalSince1970: 1_746_454_205.96)
        var bytes = [UInt8](repeating: UInt8(ascii: "."), count: 24)
        let written = bytes.withUnsafeMutableBufferPointer { ARMTimestamp.writeCompact(date, into: $0, at: 4) }
        #expect(written)
        #expect(String(decoding: bytes, as: UTF8.self) == "....20250505T141005Z....")
        #expect(ARMTimestamp.compactString(from: date) == "20250505T141005Z")
        // A year past 9999 writes nothing (the string form pads it instead)
        let far = Date(timeIntervalSince1970: 253_402_300_800)  // 10000-01-01
        var untouched = [UInt8](repeating: 0, count: 16)
        #expect(!untouched.withUnsafeMutableBufferPointer { ARMTimestamp.writeCompact(far, into: $0, at: 0) })
        #expect(untouched.allSatisfy { $0 == 0 })
        #expect(ARMTimestamp.compactString(from: far).hasPrefix("10000"))
    }
}
