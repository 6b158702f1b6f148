import EmulatorHTTP
import Foundation

extension String {
    /// True when this string's UTF-8 bytes start with `prefix`'s (and then `separator`, when given),
    /// compared with one `memcmp`: `utf8.starts(with:)` walks both views a byte at a time through
    /// their indices, about 2,000 instructions for a resource id (callgrind of a PUT,
    /// docs/performance.md).
    package func hasBytePrefix(_ prefix: String, followedBy separator: UInt8? = nil) -> Bool {
        withUTF8Bytes(and: prefix) { text, prefix in
            let length = prefix.count + (separator == nil ? 0 : 1)
            guard length <= text.count else { return false }
            if let separator, text[prefix.count] != separator { return false }
            return prefix.isEmpty || memcmp(text.baseAddress!, prefix.baseAddress!, prefix.count) == 0
        }
    }
}
