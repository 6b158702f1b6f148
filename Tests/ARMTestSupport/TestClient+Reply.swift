import ARMCore
import EmulatorHTTP
import Foundation

extension TestClient {
    /// An answer, in-process or live: status, headers, the body's bytes and, when it parses, its JSON.
    public struct Reply: Sendable {
        public let status: Int
        public let headers: HTTPHeaders
        public let body: [UInt8]
        public let json: JSONValue?

        init(_ response: HTTPResponse) {
            status = response.status
            headers = response.headers
            body = response.body
            json = response.body.isEmpty ? nil : try? JSONParser.parse(response.body)
        }

        /// The body as a Foundation dictionary (JSONSerialization), for suites that read it so.
        public var jsonObject: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
        /// The body as UTF-8 text.
        public var text: String { String(decoding: body, as: UTF8.self) }
        /// `error.code` and `error.message` of an ARM error body.
        public var code: String? { json?["error"]?["code"]?.stringValue }
        public var message: String? { json?["error"]?["message"]?.stringValue }
        public var properties: JSONValue? { json?["properties"] }
        /// The `name` of each item of a list's `value`.
        public var names: [String] { json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [] }

        /// The first value of a header, by case-insensitive name.
        public func header(_ name: String) -> String? { headers[name] }
    }
}
