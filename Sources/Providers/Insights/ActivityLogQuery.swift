import ARMCore
import Foundation

/// The query of one activity log page: `$filter` (required), `$select` and `$skiptoken`, and the
/// `nextLink` that carries them to the next page.
struct ActivityLogQuery {
    let filter: ActivityLogFilter
    let rawFilter: String
    /// Lower-cased names; nil: every property.
    let select: Set<String>?
    let rawSelect: String?
    let afterKey: UInt64?
    let baseURL: String
    let path: String

    init(request: ARMRequest, retentionStart: Date) throws(InsightsError) {
        guard let text = request.query["$filter"], !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missingFilter()
        }
        filter = try ActivityLogFilter(parsing: text)
        rawFilter = text
        // A minute of slack: az computes "now - 90 days" on its clock before the request arrives.
        if filter.start < retentionStart.addingTimeInterval(-60) {
            throw .startTooOld(ARMTimestamp.string(from: filter.start), days: ActivityLog.retentionDays)
        }
        if let end = filter.end, end < filter.start { throw .endBeforeStart() }
        rawSelect = request.query["$select"].flatMap { $0.isEmpty ? nil : $0 }
        select = rawSelect.map { text in
            Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
        }
        if let token = request.query["$skiptoken"] {
            guard let key = Pager.decodeSkipToken(token).flatMap(UInt64.init) else { throw .invalidSkipToken(token) }
            afterKey = key
        } else {
            afterKey = nil
        }
        baseURL = request.baseURL
        path = request.http.path
    }

    /// Absolute, on the host the client used, with `api-version`, the original `$filter` and
    /// `$select`, and `$skiptoken`, all percent-encoded (`+` as `%2B`): azure-mgmt-monitor GETs it
    /// verbatim, az re-parses its query (`parse_qs` reads a bare `+` as a space) and quotes it again.
    func nextLink(after key: UInt64) -> String {
        var query = "api-version=" + InsightsProvider.apiVersion + "&$filter=" + rawFilter.addingQueryValueEncoding
        if let rawSelect { query += "&$select=" + rawSelect.addingQueryValueEncoding }
        query += "&$skiptoken=" + Pager.encodeSkipToken(String(key))
        return baseURL + path + "?" + query
    }
}
