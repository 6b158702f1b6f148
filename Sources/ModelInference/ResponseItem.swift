/// One conversation item of the Responses API (OpenAI API reference "Responses", input and output items):
/// a message, a function call the model made, or the caller's output for such a call. The caller keeps
/// a response's input and output items to replay them as `history` for `previous_response_id`.
package enum ResponseItem: Sendable, Equatable {
    /// `role` is user, system, developer or assistant; `text` joins the `input_text`/`output_text` parts.
    case message(role: String, text: String)
    case functionCall(ToolCall)
    case functionCallOutput(callID: String, output: String)
}
