/// The journal's framing: each record is `length (u32 LE) · CRC-32C of the payload (u32 LE) ·
/// payload`. A write cut short by a crash leaves a frame that runs past the end of the file, fails
/// its checksum as the last frame, or is followed by nothing but zeros: that is a torn last record,
/// dropped with a warning. A bad frame with valid data after it is corruption.
enum JournalFrame {
    static let headerSize = 8
    /// Far above any record the 4 MiB request limit can produce, far below what a corrupt length
    /// field usually reads as.
    static let maxPayload = 1 << 30

    static func append(_ payload: [UInt8], to buffer: inout [UInt8]) {
        let length = UInt32(payload.count)
        let crc = CRC32C.checksum(payload)
        for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(truncatingIfNeeded: length >> UInt32(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        buffer.append(contentsOf: payload)
    }

    struct Scan: Equatable {
        var payloads: [[UInt8]] = []
        /// Bytes of a torn last record that were dropped (0 when the file ends cleanly).
        var tornBytes = 0
        /// Where the valid frames end.
        var validLength = 0
    }

    /// Splits a journal file into payloads. `allowTornTail` is false for a journal that is not
    /// the last one: it was complete before the next one started, so any damage is corruption.
    static func scan(_ bytes: [UInt8], name: String, allowTornTail: Bool) throws(PersistenceError) -> Scan {
        var scan = Scan()
        var offset = 0
        while offset < bytes.count {
            let remaining = bytes.count - offset
            let damage: String
            let torn: Bool
            if remaining < headerSize {
                damage = "a frame header is cut short"
                torn = true
            } else {
                let length = Int(readUInt32(bytes, at: offset))
                let crc = readUInt32(bytes, at: offset + 4)
                let end = offset + headerSize + length
                if length == 0 {
                    damage = "a frame has length 0"
                    torn = bytes[offset...].allSatisfy { $0 == 0 }
                } else if length > maxPayload || end > bytes.count {
                    // A write cut short, unless a valid frame follows (then a length was damaged).
                    damage = "a frame of \(length) bytes runs past the end of the file"
                    torn = !containsLaterFrame(bytes, after: offset)
                } else if CRC32C.checksum(bytes[(offset + headerSize)..<end]) != crc {
                    damage = "a frame fails its checksum"
                    torn = end == bytes.count || bytes[end...].allSatisfy { $0 == 0 }
                } else {
                    scan.payloads.append(Array(bytes[(offset + headerSize)..<end]))
                    offset = end
                    scan.validLength = offset
                    continue
                }
            }
            guard allowTornTail, torn else {
                throw .corrupt("\(name): \(damage) at byte \(offset) of \(bytes.count)")
            }
            scan.tornBytes = remaining
            return scan
        }
        return scan
    }

    private static func readUInt32(_ bytes: [UInt8], at position: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[position + index]) << UInt32(8 * index) }
        return value
    }

    /// Whether a valid frame starts anywhere after `offset`. Payloads are JSON objects, so only
    /// positions whose payload would start with `{` are checksummed.
    private static func containsLaterFrame(_ bytes: [UInt8], after offset: Int) -> Bool {
        var position = offset + 1
        while position + headerSize < bytes.count {
            let length = Int(readUInt32(bytes, at: position))
            let end = position + headerSize + length
            if length > 0, end <= bytes.count, bytes[position + headerSize] == UInt8(ascii: "{"),
                CRC32C.checksum(bytes[(position + headerSize)..<end]) == readUInt32(bytes, at: position + 4)
            {
                return true
            }
            position += 1
        }
        return false
    }
}
