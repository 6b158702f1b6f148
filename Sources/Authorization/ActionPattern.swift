/// Matching of RBAC action strings against role patterns (docs/azure-behaviours.md "How access is evaluated"):
/// 1. case-insensitive;
/// 2. `*` matches any run of characters, `/` included (`Microsoft.Compute/*` covers child types);
/// 3. `/*/` also matches a single `/`, so `workspaces/*/write` covers `workspaces/write` (why
///    Azure AI Developer lists `workspaces/write` among its notActions).
package enum ActionPattern {
    package static func matches(_ pattern: String, _ action: String) -> Bool {
        let p = Array(pattern.lowercased().utf8)
        let a = Array(action.lowercased().utf8)
        return match(p, 0, a, 0)
    }

    private static let star = UInt8(ascii: "*")
    private static let slash = UInt8(ascii: "/")

    private static func match(_ p: [UInt8], _ i: Int, _ a: [UInt8], _ j: Int) -> Bool {
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
            guard j < a.count, p[i] == a[j] else { return false }
            i += 1
            j += 1
        }
        return j == a.count
    }
}
