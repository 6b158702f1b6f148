import ARMCore
import JSON

/// An error a model deployment answers with. The body is OpenAI's envelope, which Azure OpenAI keeps
/// on the data plane: `{"error":{"message","type","param","code"}}` (OpenAI API reference, "Error codes";
/// azure-rest-api-specs `specification/cognitiveservices/data-plane/AzureOpenAI/inference/stable/2024-10-21`
/// `ErrorResponse`). openai-python reads `.code`, `.param` and `.type` from it (`openai/_exceptions.py`).
package struct InferenceError: Error, Sendable, Equatable {
    package var status: Int
    package var code: String?
    package var message: String
    package var param: String?
    package var type: String?
    /// Azure's `innererror` (content filtering); absent for plain validation errors.
    package var innerError: JSONValue?

    package init(
        status: Int, code: String?, message: String, param: String?, type: String? = "invalid_request_error",
        innerError: JSONValue? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.param = param
        self.type = type
        self.innerError = innerError
    }

    /// The response body, `{"error":{...}}`. `param`, `type` and `code` are always present (null when
    /// unknown), as OpenAI sends them.
    package var json: JSONValue {
        var error: JSONObject = [
            "message": .string(message),
            "type": type.map(JSONValue.string) ?? .null,
            "param": param.map(JSONValue.string) ?? .null,
            "code": code.map(JSONValue.string) ?? .null,
        ]
        if let innerError {
            error["status"] = .int(Int64(status))
            error["innererror"] = innerError
        }
        return ["error": .object(error)]
    }
}
