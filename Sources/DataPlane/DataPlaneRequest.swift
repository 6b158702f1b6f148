import ARMCore
import EmulatorHTTP
import JSON

/// One data-plane call on its way through the chain: each step fills what it found out (the
/// account, the route, who calls, the deployment, the parsed body), so handlers run straight through.
///
/// A class, filled in place: as a struct, every step copied all of it (some thirty references) to
/// change one field, which showed in a profile of chat completions. Only the chain's steps set its
/// fields, one after the other within the call's task (hence `@unchecked Sendable`).
package final class DataPlaneRequest: @unchecked Sendable {
    package var http: HTTPRequest
    /// The real host the client addressed, lower-cased (`myaccount.openai.azure.com`).
    package var host: String
    /// The path below the host, percent-decoded segments.
    package var segments: [String]
    package var query: QueryParameters
    /// `apim-request-id` of the answer.
    package var requestID: String
    package var account: StoredResource?
    package var route: DataPlaneRoute?
    package var parameters: [String: String] = [:]
    package var credential: DataPlaneCredential?
    package var deployment: StoredResource?
    /// The JSON body of a POST, parsed once.
    package var body: JSONValue?
    /// The agent version a Responses call runs (`AgentMiddleware`), as `agents.get_version` shows it.
    package var agent: JSONValue?
    /// Facts for the access log, shared by every copy of this request along the chain.
    let trace = CallTrace()

    package init(http: HTTPRequest, host: String, segments: [String], requestID: String) {
        self.http = http
        self.host = host
        self.segments = segments
        self.query = QueryParameters(http.query ?? "")
        self.requestID = requestID
    }

    /// The account, which the first step always sets.
    package var requiredAccount: StoredResource {
        get throws {
            guard let account else { throw DataPlaneError.internalError() }
            return account
        }
    }

    /// A path parameter the matched route declares; a missing one is a bug in the route table.
    package func parameter(_ name: String) throws -> String {
        guard let value = parameters[name] else { throw DataPlaneError.internalError() }
        return value
    }

    /// `api-version` as sent, for the 429 message (the v1 routes have none: "v1").
    package var apiVersion: String { query["api-version"] ?? "v1" }
}
