import ARMCore
import Testing

@testable import ModelInference

@Suite struct InferenceErrorTests {
    @Test func givenAValidationError_whenRendered_thenTheBodyIsOpenAIsEnvelopeWithNullsKept() {
        let error = InferenceError.integerAbove("n", maximum: 128, got: 130)
        #expect(
            error.json == [
                "error": [
                    "message": "Invalid 'n': integer above maximum value. Expected a value <= 128, but got 130 instead.",
                    "type": "invalid_request_error", "param": "n", "code": "integer_above_max_value",
                ]
            ])
        #expect(InferenceError.invalidInput("input").json["error"]?["code"] == .null)
    }

    @Test func givenAContentFilterRefusal_whenRendered_thenItCarriesAzuresInnerError() {
        let body = InferenceError.contentFilter(category: "violence").json["error"]
        #expect(body?["code"] == "content_filter" && body?["param"] == "prompt" && body?["status"] == 400 && body?["type"] == .null)
        #expect(body?["innererror"]?["code"] == "ResponsibleAIPolicyViolation")
        let result = body?["innererror"]?["content_filter_result"]
        #expect(result?["violence"] == ["filtered": true, "severity": "high"])
        #expect(result?["jailbreak"] == ["filtered": false, "detected": false] && result?["hate"]?["severity"] == "safe")
    }
}
