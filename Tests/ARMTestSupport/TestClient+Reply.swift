import ARMCore
import EmulatorHTTP
import Foundation
import JSON

extension TestClient {
    /// An answer, in-process or live: status, headers, the body's bytes and, when it parses, its JSON.
    package struct Reply: Sendable {
        package let status: Int
        package let headers: HTTPHeaders
        package let body: [UInt8]
        package let json: JSONValue?

        init(_ response: HTTPResponse) {
            status = response.status
            headers = response.headers
            body = response.body
            json = response.body.isEmpty ? nil : try? JSONParser.parse(response.body)
        }

        /// The body as a Foundation dictionary (JSONSerialization), for suites that read it so.
        package var jsonObject: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
        /// The body as UTF-8 text.
        package var text: String { String(decoding: body, as: UTF8.self) }
        /// `error.code` and `error.message` of an ARM error body.
        package var code: String? { json?["error"]?["code"]?.stringValue }
        package var message: String? { json?["error"]?["message"]?.stringValue }
        package var properties: JSONValue? { json?["properties"] }
        /// The `name` of each item of a list's `value`.
        package var names: [String] { json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [] }

        /// The first value of a header, by case-insensitive name.
        package func header(_ name: String) -> String? { headers[name] }
    }
}
