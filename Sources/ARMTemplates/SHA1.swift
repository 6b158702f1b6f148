import COpenSSL

/// SHA-1 (FIPS 180-4), only for name-based UUIDs (`guid()`, RFC 4122 section 4.3). Computed by
/// OpenSSL, the one hashing source of the emulator (as Identity's SHA-256), through COpenSSL.
enum SHA1 {
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_Digest(message, message.count, &digest, &length, EVP_sha1(), nil) == 1 else {
            fatalError("EVP_Digest(SHA-1) failed")
        }
        return Array(digest.prefix(Int(length)))
    }
}
