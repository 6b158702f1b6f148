extension VerifiedTokenCache {
    /// A cached token: equal only to the very same text (a hit must be the token that was
    /// verified, byte for byte), hashed on its length and its last bytes only. Those end the
    /// RS256 signature, which differs between any two tokens the emulator or a client holds, so
    /// they spread entries as well as the whole ~1.5 KB would; hashing all of it was ~1% of an
    /// authenticated GET's CPU (perf, docs/performance.md "Hot path").
    struct Key: Hashable, Sendable {
        /// How many trailing bytes are hashed.
        static let hashedSuffix = 32

        /// A slice of the `Authorization` header it came in (the header is kept, a few bytes more
        /// than the token): a lookup copies nothing out of the request.
        let token: Substring

        init(_ token: Substring) { self.token = token }

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.token == rhs.token }

        func hash(into hasher: inout Hasher) {
            var token = token
            token.withUTF8 { bytes in
                hasher.combine(bytes.count)
                hasher.combine(
                    bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[max(0, bytes.count - Self.hashedSuffix)...])))
            }
        }
    }
}
