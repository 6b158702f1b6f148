extension String {
    /// Runs `body` over this string's UTF-8 bytes, borrowed where the storage is contiguous (always,
    /// for native strings): `withUTF8` needs a mutable copy, a retain and release of the storage
    /// on every call, and the `UTF8View` goes index by index (perf, callgrind). Inlinable, so that
    /// callers in other modules get it specialized instead of a generic call.
    @inlinable
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = self
        return text.withUTF8(body)
    }

    /// `withUTF8Bytes` over this string and `other` at once.
    @inlinable
    package func withUTF8Bytes<Result>(
        and other: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let borrowed = utf8.withContiguousStorageIfAvailable { mine in other.utf8.withContiguousStorageIfAvailable { body(mine, $0) } }
        if let borrowed, let result = borrowed { return result }
        return withUTF8Bytes { mine in other.withUTF8Bytes { body(mine, $0) } }
    }
}
