/// ARM's `guid()`: a name-based version-5 UUID (RFC 4122 section 4.3, SHA-1) in the namespace
/// `11fb06fb-712d-4ddd-98c7-e71bbd588830`, over the arguments joined with `-` and UTF-8 encoded;
/// so `guid('a','b')` equals Python's `uuid.uuid5(UUID('11fb06fb-…'), 'a-b')` and Terraform's
/// `uuidv5("11fb06fb-…", "a-b")`, which users rely on to predict role-assignment names.
package enum NameBasedUUID {
    package static let namespace: [UInt8] = [
        0x11, 0xFB, 0x06, 0xFB, 0x71, 0x2D, 0x4D, 0xDD, 0x98, 0xC7, 0xE7, 0x1B, 0xBD, 0x58, 0x88, 0x30,
    ]

    package static func make(_ values: [String]) -> String {
        var hash = Array(SHA1.digest(namespace + Array(values.joined(separator: "-").utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex = hash.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }
        let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
        return groups.map { $0.joined() }.joined(separator: "-")
    }
}
