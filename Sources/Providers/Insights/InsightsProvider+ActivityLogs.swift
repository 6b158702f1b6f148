import ARMCore
import Foundation
import JSON

/// `ActivityLogs_List`, `TenantActivityLogs_List` and `EventCategories_List`.
extension InsightsProvider {
    /// Reading the log needs this action (Reader's `*/read` grants it); the authorization step
    /// filters the events of a caller without it at the subscription to what that caller can read.
    package static let readAction = "Microsoft.Insights/eventtypes/values/read"

    package var routes: [Route] {
        [
            Route(
                "GET", "/subscriptions/{subscriptionId}/providers/microsoft.insights/eventtypes/management/values",
                operationID: "ActivityLogs_List", action: Self.readAction
            ) { request, parameters in
                try list(request, subscriptionID: parameters.required("subscriptionId"))
            }.filteringByReadAccess(),
            // Tenant scope: only events generated at the tenant level, not those of its subscriptions
            // (`tenantActivityLogs_API.json`).
            Route(
                "GET", "/providers/microsoft.insights/eventtypes/management/values", operationID: "TenantActivityLogs_List",
                action: Self.readAction
            ) { request, _ in
                try list(request, subscriptionID: nil)
            }.filteringByReadAccess(),
            Route("GET", "/providers/microsoft.insights/eventcategories", operationID: "EventCategories_List", action: nil) { request, _ in
                try Self.requireAPIVersion(request)
                return .ok(["value": .array(Self.categories.map { ActivityEvent.localizable($0, $0) })])
            },
        ]
    }

    static func requireAPIVersion(_ request: ARMRequest) throws {
        guard request.apiVersion == Self.apiVersion else {
            throw ARMError.invalidAPIVersion(request.apiVersion ?? "", supported: [Self.apiVersion])
        }
    }

    /// One page of events, newest first; bad queries answer Azure's flat 400.
    func list(_ request: ARMRequest, subscriptionID: String?) throws -> ARMResponse {
        try Self.requireAPIVersion(request)
        do throws(InsightsError) {
            let query = try ActivityLogQuery(request: request, retentionStart: log.retentionStart)
            let readFilter = request.readFilter
            let page = log.page(before: query.afterKey, limit: Self.pageSize) { event in
                let inScope = subscriptionID.map { event.subscriptionID.lowercased() == $0.lowercased() } ?? event.subscriptionID.isEmpty
                guard inScope, query.filter.matches(event) else { return false }
                guard let readFilter else { return true }
                return ResourceID(event.resourceID).map(readFilter.canRead) ?? false
            }
            var body = JSONObject([("value", .array(page.events.map { $0.selecting(query.select) }))])
            if let key = page.nextKey { body["nextLink"] = .string(query.nextLink(after: key)) }
            return .ok(.object(body))
        } catch {
            return error.response
        }
    }
}
