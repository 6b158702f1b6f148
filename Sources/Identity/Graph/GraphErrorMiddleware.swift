import ARMCore
import Foundation
import JSON

/// Microsoft Graph's error shape, first in the Graph pipeline so that every error (authentication,
/// unknown route, handler) leaves as `{"error":{"code","message","innerError":{"date","request-id",
/// "client-request-id"}}}` (https://learn.microsoft.com/graph/errors), with the `request-id` and
/// `client-request-id` headers Graph sends.
package struct GraphErrorMiddleware: ARMMiddleware {
    let now: @Sendable () -> Date

    package init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    package func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        let clientRequestID = request.headers["client-request-id"] ?? request.requestID
        do {
            var response = try await next.respond(to: request)
            response.headers.set("request-id", request.requestID)
            response.headers.set("client-request-id", clientRequestID)
            return response
        } catch let error as ARMError {
            // Graph's date has no fraction and no zone designator: `2024-05-01T10:11:12`.
            let date = String(ARMTimestamp.string(from: now()).prefix(19))
            let body = JSONObject([
                (
                    "error",
                    .object(
                        JSONObject([
                            ("code", .string(error.code)),
                            ("message", .string(error.message)),
                            (
                                "innerError",
                                .object(
                                    JSONObject([
                                        ("date", .string(date)), ("request-id", .string(request.requestID)),
                                        ("client-request-id", .string(clientRequestID)),
                                    ]))
                            ),
                        ]))
                )
            ])
            var headers = error.headers
            headers.set("request-id", request.requestID)
            headers.set("client-request-id", clientRequestID)
            return ARMResponse(status: error.status, headers: headers, body: .object(body))
        }
    }
}
