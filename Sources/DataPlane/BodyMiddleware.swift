import ARMCore
import JSON

/// Parses a POST's or PATCH's JSON body once, after the caller is known (a bad key gets its 401 before any
/// complaint about the body, as behind Azure's gateway). Bodies must be JSON objects.
struct BodyMiddleware: DataPlaneStep {
    /// Deep enough for JSON schemas in `response_format` and tool parameters, shallow enough that
    /// a hostile body cannot exhaust the stack.
    static let maxDepth = 256

    func prepare(_ request: DataPlaneRequest) throws {
        guard request.http.method == "POST" || request.http.method == "PATCH", request.route?.parsesBody != false else {
            return
        }
        // Actions such as getConnectionWithCredentials are POSTed without a body (azure-ai-projects).
        if request.http.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            request.body = .object(JSONObject())
            return
        }
        let body: JSONValue
        do {
            body = try JSONParser.parse(request.http.body, maxDepth: Self.maxDepth)
        } catch let error as JSONParseError {
            throw Self.refusal(parserMessage: error.detail)
        } catch {
            throw DataPlaneError.invalidBody("")
        }
        guard body.objectValue != nil else { throw DataPlaneError.invalidBody("The body must be a JSON object.") }
        request.body = body
    }

    /// The 400 for a body the parser refused. Nesting past `maxDepth` is valid JSON, in practice a
    /// JSON schema in `response_format` or in a tool's `parameters`: that answer names the top-level
    /// field in `param`, as OpenAI names the field of a schema it refuses (OpenAI API reference,
    /// errors); anything else is OpenAI's "could not parse the JSON body" with no `param`.
    static func refusal(parserMessage: String) -> DataPlaneError {
        guard parserMessage.contains("The reader's MaxDepth"), let start = parserMessage.range(of: "Path '"),
            let end = parserMessage.range(of: "', line", range: start.upperBound..<parserMessage.endIndex)
        else { return DataPlaneError.invalidBody(parserMessage) }
        let path = parserMessage[start.upperBound..<end.lowerBound]
        let field = path.prefix { $0 != "." && $0 != "[" }
        return DataPlaneError.invalidRequest(
            "The request body nests JSON deeper than \(maxDepth) levels at '\(path)'.", param: field.isEmpty ? nil : String(field))
    }
}
