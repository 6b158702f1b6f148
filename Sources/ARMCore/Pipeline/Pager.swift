import Foundation
import JSON

/// Paging of list responses (RPC resource-api-reference "Paging Response Body"; docs/azure-behaviours.md "Paging"):
/// `{"value":[…],"nextLink":"<absolute URL>"}` with `nextLink` left out on the last page.
///
/// - `$top` is the client's page size: a positive integer (else 400 `InvalidTopValue`); values
///   above 1000 are served as 1000 pages. Without `$top` a page holds 100 items. ARM leaves the
///   default to each provider; 100 keeps responses small while letting small lists fit in one
///   page, and makes paging visible to tests that create a few hundred resources.
/// - `$skiptoken` (any case) is opaque to clients: the base64url of the last key of the previous
///   page. A token that does not decode is 400 `InvalidSkipToken`.
/// - `nextLink` is the URL the client used (its host, path and query, so `api-version`,
///   `$filter` and `$top` carry over) with `$skiptoken` replaced. SDKs override `api-version` in
///   it with their own (docs/azure-behaviours.md "Paging and deserialisation in the SDKs").
package struct Pager: Sendable {
    package static let defaultPageSize = 100
    package static let maxPageSize = 1000

    /// Items per page.
    package let pageSize: Int
    /// The key after which this page starts; nil for the first page.
    package let afterKey: String?
    private let baseURL: String
    private let rawPath: String
    private let rawQuery: String?
    /// The request's `readFilter`: items the caller may not read are left out of store lists.
    private let readFilter: ReadFilter?

    package init(request: ARMRequest, defaultPageSize: Int = Pager.defaultPageSize) throws {
        if let top = request.query["$top"] {
            guard let value = Int(top.trimmingASCIIWhitespace()), value > 0 else { throw ARMError.invalidTopValue(top) }
            pageSize = min(value, Self.maxPageSize)
        } else {
            pageSize = min(max(defaultPageSize, 1), Self.maxPageSize)
        }
        if let token = request.query["$skiptoken"] {
            guard let key = Self.decodeSkipToken(token) else { throw ARMError.invalidSkipToken(token) }
            afterKey = key
        } else {
            afterKey = nil
        }
        baseURL = request.baseURL
        rawPath = request.http.path
        rawQuery = request.http.query
        readFilter = request.readFilter
    }

    /// The absolute URL of the page after `nextKey`.
    package func nextLink(after nextKey: String) -> String {
        var items = (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true).filter { pair in
            let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            return String(name).removingPercentEncodingLeniently.lowercased() != "$skiptoken"
        }.map(String.init)
        items.append("$skiptoken=" + Self.encodeSkipToken(nextKey))
        return baseURL + rawPath + "?" + items.joined(separator: "&")
    }

    /// `{"value": items, "nextLink": …}`; `nextLink` only when `nextKey` is set.
    package func response(_ items: [JSONValue], nextKey: String?) -> ARMResponse {
        var body: JSONObject = ["value": .array(items)]
        if let nextKey { body["nextLink"] = .string(nextLink(after: nextKey)) }
        return .ok(.object(body))
    }

    /// One page of the store's resources below `prefix`, rendered by `render` (the body as stored by
    /// default).
    package func list(
        _ store: ResourceStore, under prefix: ResourceID?, types: Set<String>? = nil,
        filter: (StoredResource) -> Bool = { _ in true },
        render: (StoredResource) throws -> JSONValue = { .object($0.body) }
    ) rethrows -> ARMResponse {
        let page: (items: [StoredResource], nextKey: String?)
        if let readFilter {
            page = store.page(under: prefix, types: types, after: afterKey, limit: pageSize) { filter($0) && readFilter.canRead($0.id) }
        } else {
            page = store.page(under: prefix, types: types, after: afterKey, limit: pageSize, filter: filter)
        }
        return response(try page.items.map(render), nextKey: page.nextKey)
    }

    /// One page of an in-memory list sorted ascending by `key`, which must be unique (lists that do
    /// not live in the store: locations, providers, operations).
    package func list<Item>(
        _ items: [Item], key: (Item) -> String, render: (Item) throws -> JSONValue
    ) rethrows -> ARMResponse {
        var start = 0
        if let afterKey {
            start = items.firstIndex { key($0) > afterKey } ?? items.count
        }
        let slice = items[start..<min(start + pageSize, items.count)]
        let nextKey = start + pageSize < items.count ? slice.last.map(key) : nil
        return response(try slice.map(render), nextKey: nextKey)
    }

    /// base64url without padding (RFC 4648 section 5).
    package static func encodeSkipToken(_ key: String) -> String {
        var text = Data(key.utf8).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    /// The key inside a token; nil when it is not one of ours.
    package static func decodeSkipToken(_ token: String) -> String? {
        guard !token.isEmpty,
            token.utf8.allSatisfy({ byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default: false
                }
            })
        else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        switch base64.utf8.count % 4 {
        case 1: return nil
        case 2: base64 += "=="
        case 3: base64 += "="
        default: break
        }
        guard let data = Data(base64Encoded: base64), let key = String(validating: Array(data), as: UTF8.self), !key.isEmpty else {
            return nil
        }
        return key
    }
}
