/// Matching of RBAC action strings against role patterns (docs/azure-behaviours.md "How access is evaluated"):
/// 1. case-insensitive;
/// 2. `*` matches any run of characters, `/` included (`Microsoft.Compute/*` covers child types);
/// 3. `/*/` also matches a single `/`, so `workspaces/*/write` covers `workspaces/write` (why
///    Azure AI Developer lists `workspaces/write` among its notActions).
package enum ActionPattern {
    /// Over both strings' bytes, ASCII letters folded as they are compared: every ARM request
    /// matches its action against the caller's role patterns, and lower-cased copies of both (two
    /// strings and two arrays per pattern) showed in a GET's profile. Non-ASCII text (no Azure
    /// action has any) is compared through full lower-casing, as before.
    package static func matches(_ pattern: String, _ action: String) -> Bool {
        var pattern = pattern
        var action = action
        let asciiResult = pattern.withUTF8 { p in
            action.withUTF8 { a -> Bool? in
                guard p.allSatisfy({ $0 < 0x80 }), a.allSatisfy({ $0 < 0x80 }) else { return nil }
                return match(p, 0, a, 0)
            }
        }
        if let asciiResult { return asciiResult }
        let p = Array(pattern.lowercased().utf8)
        let a = Array(action.lowercased().utf8)
        return p.withUnsafeBufferPointer { p in a.withUnsafeBufferPointer { a in match(p, 0, a, 0) } }
    }

    private static let star = UInt8(ascii: "*")
    private static let slash = UInt8(ascii: "/")

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func match(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ a: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        var i = i
        var j = j
        while i < p.count {
            if p[i] == star {
                // Collapse runs of stars.
                var next = i
                while next < p.count && p[next] == star { next += 1 }
                // Rule 3: `/*/` may stand for `/` (skip `*/`, keep the text position).
                if i > 0, p[i - 1] == slash, next < p.count, p[next] == slash, match(p, next + 1, a, j) { return true }
                if next == p.count { return true }
                var k = j
                while k <= a.count {
                    if match(p, next, a, k) { return true }
                    k += 1
                }
                return false
            }
            guard j < a.count, folded(p[i]) == folded(a[j]) else { return false }
            i += 1
            j += 1
        }
        return j == a.count
    }
}
