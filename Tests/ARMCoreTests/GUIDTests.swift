import Testing

@testable import ARMCore

@Suite struct GUIDTests {
    @Test func version4LowerCaseAndUnique() {
        var seen = Set<String>()
        for _ in 0..<1000 {
            let guid = newGUID()
            #expect(ResourceID.isGUID(guid))
            #expect(guid == guid.lowercased())
            let characters = Array(guid)
            #expect(characters[14] == "4")
            #expect("89ab".contains(characters[19]))
            seen.insert(guid)
        }
        #expect(seen.count == 1000)
    }

    @Test func textAndBitsRoundTrip() {
        let cases: [(String, UInt64, UInt64)] = [
            ("00000000-0000-0000-0000-000000000000", 0, 0),
            ("ffffffff-ffff-ffff-ffff-ffffffffffff", .max, .max),
            ("01234567-89ab-cdef-0123-456789abcdef", 0x0123_4567_89AB_CDEF, 0x0123_4567_89AB_CDEF),
            ("fe000000-0000-4000-8000-000000000002", 0xFE00_0000_0000_4000, 0x8000_0000_0000_0002),
        ]
        for (text, high, low) in cases {
            #expect(guidString(high, low) == text)
            let bits = Array(text.utf8).withUnsafeBufferPointer { guidBits($0) }
            #expect(bits?.0 == high && bits?.1 == low, "\(text)")
        }
        for _ in 0..<1000 {
            let guid = newGUID()
            let bits = Array(guid.utf8).withUnsafeBufferPointer { guidBits($0) }
            #expect(bits.map { guidString($0.0, $0.1) } == guid)
        }
    }

    @Test func onlyTheLowerCaseDashedFormHasBits() {
        for text in [
            "01234567-89AB-cdef-0123-456789abcdef",  // upper case: would not round-trip
            "01234567-89ab-cdef-0123-456789abcdeg", "01234567-89ab-cdef-0123-456789abcde/", "01234567-89ab-cdef-0123-456789abcde:",
            "0123456789ab-cdef-0123-456789abcdef-", "01234567x89ab-cdef-0123-456789abcdef", "01234567-89ab-cdef-0123-456789abcde",
            "{01234567-89ab-cdef-0123-456789abcdef}", "",
        ] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { guidBits($0) } == nil, "\(text)")
        }
    }

    @Test func writesAtAnOffsetAndRandomHexIsHex() {
        var bytes = [UInt8](repeating: UInt8(ascii: "*"), count: 40)
        let end = bytes.withUnsafeMutableBufferPointer { writeGUID(0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, into: $0, at: 2) }
        #expect(end == 38)
        #expect(String(decoding: bytes, as: UTF8.self) == "**01234567-89ab-cdef-fedc-ba9876543210**")
        let hex = newRandomHex32()
        #expect(hex.utf8.count == 32 && hex.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    }
}
