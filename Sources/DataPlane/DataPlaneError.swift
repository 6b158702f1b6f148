import ARMCore
import EmulatorHTTP
import JSON

/// An answer of the data plane other than success. Its body is whatever shape the real service
/// uses for that case (`{"error":{...}}` from the inference service, the flat
/// `{"statusCode","message"}` of the API gateway in front of it), so the catalog builds bodies and
/// this type only carries them to the edge, where they are rendered once.
package struct DataPlaneError: Error, Sendable {
    package var status: Int
    package var body: JSONValue
    package var headers: [(String, String)]

    package init(status: Int, body: JSONValue, headers: [(String, String)] = []) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    /// `{"error":{"code":...,"message":...}}`, the inference service's usual shape.
    package init(status: Int, code: String, message: String, headers: [(String, String)] = []) {
        self.init(status: status, body: ["error": ["code": .string(code), "message": .string(message)]], headers: headers)
    }

    /// `error.code` or the gateway's `statusCode`, for the access log and counters.
    package var code: String {
        body["error"]?["code"]?.stringValue ?? body["statusCode"]?.intValue.map(String.init) ?? String(status)
    }

    package var response: HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in self.headers { headers.set(name, value) }
        return .json(status, body.serialized(), headers: headers)
    }
}
