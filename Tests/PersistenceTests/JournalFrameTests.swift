import Testing

@testable import Persistence

@Suite struct JournalFrameTests {
    @Test func crc32cMatchesTheRFC3720CheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    }

    func frames(_ payloads: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for payload in payloads { JournalFrame.append(Array(payload.utf8), to: &bytes) }
        return bytes
    }

    @Test func wholeFramesReadBackInOrder() throws {
        let scan = try JournalFrame.scan(frames(["{\"a\":1}", "{\"b\":2}"]), name: "j", allowTornTail: true)
        #expect(scan.payloads.map { String(decoding: $0, as: UTF8.self) } == ["{\"a\":1}", "{\"b\":2}"])
        #expect(scan.tornBytes == 0)
    }

    @Test func everyCutOfTheLastFrameIsATornTailAndKeepsTheFramesBefore() throws {
        let whole = frames(["{\"a\":1}", "{\"b\":22222}"])
        let firstEnd = frames(["{\"a\":1}"]).count
        for cut in (firstEnd + 1)..<whole.count {
            let scan = try JournalFrame.scan(Array(whole[..<cut]), name: "j", allowTornTail: true)
            #expect(scan.payloads.count == 1, "cut at \(cut)")
            #expect(scan.tornBytes == cut - firstEnd)
            #expect(scan.validLength == firstEnd)
        }
    }

    @Test func aTornTailInAJournalThatIsNotTheLastIsCorruption() {
        let whole = frames(["{\"a\":1}", "{\"b\":2}"])
        #expect(throws: PersistenceError.self) {
            try JournalFrame.scan(Array(whole.dropLast(2)), name: "j", allowTornTail: false)
        }
    }

    @Test func aDamagedLastFrameFollowedByZerosIsTorn() throws {
        var bytes = frames(["{\"a\":1}", "{\"b\":2}"])
        bytes[bytes.count - 2] ^= 0xFF
        bytes += [UInt8](repeating: 0, count: 100)
        let scan = try JournalFrame.scan(bytes, name: "j", allowTornTail: true)
        #expect(scan.payloads.count == 1)
    }

    @Test func damageBeforeAValidFrameIsCorruptionNotATornTail() {
        var bytes = frames(["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"])
        bytes[10] ^= 0x01  // inside the first payload
        #expect(throws: PersistenceError.self) { try JournalFrame.scan(bytes, name: "j", allowTornTail: true) }
        var length = frames(["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"])
        length[3] = 0x7F  // the first length now runs far past the end, yet valid frames follow
        #expect(throws: PersistenceError.self) { try JournalFrame.scan(length, name: "j", allowTornTail: true) }
    }
}
