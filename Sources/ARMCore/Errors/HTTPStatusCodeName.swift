/// The name .NET's `System.Net.HttpStatusCode` gives a status, which ARM writes wherever it reports a
/// `statusCode` as text: deployment operations (`properties.statusCode`) and activity-log events
/// (`properties.statusCode`). Names from
/// https://learn.microsoft.com/dotnet/api/system.net.httpstatuscode; a status without one is its number,
/// as `Enum.ToString()` renders an undefined value.
package enum HTTPStatusCodeName {
    package static func of(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "NoContent"
        case 400: "BadRequest"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 409: "Conflict"
        case 412: "PreconditionFailed"
        case 413: "RequestEntityTooLarge"
        case 415: "UnsupportedMediaType"
        case 429: "TooManyRequests"
        case 500: "InternalServerError"
        case 501: "NotImplemented"
        case 502: "BadGateway"
        case 503: "ServiceUnavailable"
        case 504: "GatewayTimeout"
        default: String(status)
        }
    }
}
