import ARMCore
import JSON

/// An error of the activity log API. Microsoft.Insights answers these with a FLAT body,
/// `{"code","message"}`, without ARM's `error` wrapper (azure-rest-api-specs
/// `specification/monitor/resource-manager/Microsoft.Insights/stable/2015-04-01/activityLogs_API.json`,
/// `ErrorResponse`). The codes and messages live in `InsightsError+Catalog.swift`.
package struct InsightsError: Error, Sendable, Equatable {
    package var status: Int
    package var code: String
    package var message: String

    package init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// `{"code":…,"message":…}` with the status.
    package var response: ARMResponse {
        ARMResponse(status: status, body: .object(JSONObject([("code", .string(code)), ("message", .string(message))])))
    }
}
