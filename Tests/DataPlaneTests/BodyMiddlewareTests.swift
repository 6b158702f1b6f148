import JSON
import Testing

@testable import DataPlane

/// What a refused body answers: OpenAI's "could not parse" 400 without `param`, except for nesting
/// past the limit (valid JSON, a deep schema), which names its top-level field.
@Suite struct BodyMiddlewareTests {
    /// The parser's message for `text`, which must be refused.
    private func parserMessage(_ text: String) -> String {
        do {
            _ = try JSONParser.parse(text, maxDepth: BodyMiddleware.maxDepth)
        } catch let error as JSONParseError {
            return error.detail
        } catch {}
        Issue.record("\(text.prefix(80)) parsed")
        return ""
    }

    @Test func givenASchemaNestedPastTheLimit_thenThe400NamesItsTopLevelField() {
        let depth = BodyMiddleware.maxDepth + 10
        let schema = String(repeating: #"{"properties":{"a":"#, count: depth / 2) + "{}" + String(repeating: "}}", count: depth / 2)
        for (body, field) in [
            (#"{"response_format":{"json_schema":{"schema":"# + schema + "}}}", "response_format"),
            (#"{"tools":[{"function":{"parameters":"# + schema + "}}]}", "tools"),
        ] {
            let refusal = BodyMiddleware.refusal(parserMessage: parserMessage(body))
            #expect(refusal.status == 400)
            #expect(refusal.body["error"]?["param"]?.stringValue == field)
            #expect(refusal.body["error"]?["type"]?.stringValue == "invalid_request_error")
        }
    }

    @Test func givenJSONThatDoesNotParse_thenThe400HasNoParam() {
        let refusal = BodyMiddleware.refusal(parserMessage: parserMessage(#"{"messages":[}"#))
        #expect(refusal.status == 400)
        #expect(refusal.body["error"]?["param"] == .null)
        #expect(refusal.body["error"]?["message"]?.stringValue?.contains("could not parse the JSON body") == true)
    }
}
