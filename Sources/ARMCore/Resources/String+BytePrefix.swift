import Foundation

extension String {
    /// True when this string's UTF-8 bytes start with `prefix`'s (and then `separator`, when given),
    /// compared with one `memcmp`: `utf8.starts(with:)` walks both views a byte at a time through
    /// their indices, about 2,000 instructions for a resource id (callgrind of a PUT,
    /// docs/performance.md).
    package func hasBytePrefix(_ prefix: String, followedBy separator: UInt8? = nil) -> Bool {
        // Borrowed where the storage is contiguous (always, for native strings), as `isLowercaseASCII`.
        func compare(_ text: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
            let length = prefix.count + (separator == nil ? 0 : 1)
            guard length <= text.count else { return false }
            if let separator, text[prefix.count] != separator { return false }
            return prefix.isEmpty || memcmp(text.baseAddress!, prefix.baseAddress!, prefix.count) == 0
        }
        let borrowed = utf8.withContiguousStorageIfAvailable { text in
            prefix.utf8.withContiguousStorageIfAvailable { compare(text, $0) }
        }
        if let borrowed, let result = borrowed { return result }
        var text = self
        var prefix = prefix
        return text.withUTF8 { text in prefix.withUTF8 { compare(text, $0) } }
    }
}
