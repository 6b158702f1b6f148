import ARMCore
import EmulatorHTTP

extension ARMResponse {
    /// An Entra answer carried through a `Route` handler as is (`IdentityPipeline` unwraps it).
    init(raw response: HTTPResponse) {
        self.init(status: response.status, headers: response.headers, rawBody: response.body)
    }
}
