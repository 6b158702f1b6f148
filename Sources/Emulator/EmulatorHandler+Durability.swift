import ARMCore
import EmulatorHTTP
import Persistence

extension EmulatorHandler {
    /// Holds `response` until every change made so far is in the journal on disk (group commit:
    /// concurrent requests share one fdatasync). Every acknowledged write is durable before its
    /// answer leaves; a read waits too when writes are pending, so it never shows a change that a
    /// crash could still lose. If the journal cannot be written, the request is not acknowledged:
    /// 500 `StateNotDurable`.
    static func afterDurable(_ response: HTTPResponse, persistence: Persistence) async -> HTTPResponse {
        do {
            try await persistence.waitUntilDurable()
            return response
        } catch {
            let armError = (error as? ARMError) ?? .stateNotDurable("\(error)")
            var headers = armError.headers
            if let requestID = response.headers["x-ms-request-id"] { headers.add("x-ms-request-id", requestID) }
            return .json(armError.status, armError.envelopeJSON.serialized(), headers: headers)
        }
    }
}
