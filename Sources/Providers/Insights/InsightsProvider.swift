import ARMCore
import Foundation

/// Microsoft.Insights: the activity log (`eventtypes/management/values`, subscription and tenant
/// scope) and its categories (`eventcategories`), as `az monitor activity-log list` and
/// azure-mgmt-monitor read them (azure-rest-api-specs
/// `specification/monitor/resource-manager/Microsoft.Insights/stable/2015-04-01/activityLogs_API.json`,
/// `tenantActivityLogs_API.json`, `eventCategories_API.json`). `ActivityLogRecorder` writes the
/// log in the ARM pipeline; docs/activity-log.md describes what is recorded and every choice made.
///
/// Limitations (LocalStack style): only the Administrative category is recorded (no Policy,
/// Security, ServiceHealth, Alert, Autoscale, Recommendation or ResourceHealth events); no
/// diagnostic settings, log profiles or export to storage; `Microsoft.Insights/components` is the
/// Dependents provider's.
package struct InsightsProvider: Sendable, RouteProvider {
    package static let apiVersion = "2015-04-01"
    /// Events per page (EMULATOR CHOICE; Azure leaves the page size to the service).
    package static let pageSize = 200

    package let log: ActivityLog

    package init(log: ActivityLog) {
        self.log = log
    }

    package static var registration: ResourceProviderRegistration {
        ResourceProviderRegistration(
            namespace: "Microsoft.Insights",
            resourceTypes: [
                .init(name: "eventtypes", apiVersions: [apiVersion]),
                .init(name: "eventCategories", apiVersions: [apiVersion]),
            ])
    }

    /// The categories `eventcategories` lists (`eventCategories_API.json` example), of which the
    /// emulator records Administrative only.
    package static let categories = [
        "Administrative", "Security", "ServiceHealth", "Alert", "Recommendation", "Policy", "Autoscale", "ResourceHealth",
    ]
}
