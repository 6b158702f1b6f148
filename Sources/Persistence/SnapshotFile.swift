import ARMCore
import JSON

/// A snapshot file: one header line `FOUNDRY-EMULATOR-SNAPSHOT 1 <crc32c hex> <length>` and then
/// the state document as JSON. Written with `FileSystem.writeAtomically`, so a snapshot is whole
/// or absent; a checksum failure therefore means damage, and the start stops.
enum SnapshotFile {
    static let magic = "FOUNDRY-EMULATOR-SNAPSHOT"

    static func encode(_ document: StateDocument) -> [UInt8] {
        let body = document.json.serialized()
        let checksum = String(CRC32C.checksum(body), radix: 16)
        return Array("\(magic) 1 \(checksum) \(body.count)\n".utf8) + body
    }

    static func decode(_ bytes: [UInt8], name: String) throws(PersistenceError) -> StateDocument {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")), newline < 200 else {
            throw .corrupt("\(name): no snapshot header")
        }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 4, header[0] == magic, header[1] == "1", let checksum = UInt32(header[2], radix: 16),
            let length = Int(header[3])
        else { throw .corrupt("\(name): unreadable snapshot header") }
        let body = bytes[(newline + 1)...]
        guard body.count == length else { throw .corrupt("\(name): \(body.count) bytes of body, the header says \(length)") }
        guard CRC32C.checksum(body) == checksum else { throw .corrupt("\(name): the snapshot fails its checksum") }
        do {
            // Resource bodies can nest deeply; the snapshot adds three levels around them.
            let json = try JSONParser.parse(Array(body), maxDepth: JSONParser.defaultMaxDepth + 8)
            return try StateDocument(json: json)
        } catch {
            throw .corrupt("\(name): \(error)")
        }
    }
}
