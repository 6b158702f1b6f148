import ARMCore
import JSON

/// What the resource manager that owns the account answered.
/// An `Error` too, so a list call can hand it back as `Result.failure`.
struct ForwardedResponse: Sendable, Error {
    var status: Int
    var body: JSONValue?

    var isSuccess: Bool { (200..<300).contains(status) }

    /// The target's own ARM error (quota, unknown model, not found, 403 ...) passed through with
    /// its status and body, as ARM passes an RP's error through.
    var passedThrough: ARMResponse {
        ARMResponse(status: status, body: body)
    }
}
