import ARMCore
import JSON

/// OpenAI's validation messages, in the wording its API returns them (seen verbatim in user reports,
/// e.g. "Invalid 'n': integer above maximum value. Expected a value <= 128, but got 130 instead." with
/// code `integer_above_max_value`, thisisartium/continuous-alignment-testing#25; "Invalid 'messages': empty
/// array. ..." with code `empty_array`, CopilotKit/CopilotKit#529).
extension InferenceError {
    static func badRequest(_ message: String, param: String?, code: String?) -> InferenceError {
        InferenceError(status: 400, code: code, message: message, param: param)
    }

    static func missing(_ param: String) -> InferenceError {
        badRequest("Missing required parameter: '\(param)'.", param: param, code: "missing_required_parameter")
    }

    static func invalidType(_ param: String, expected: String, got value: JSONValue) -> InferenceError {
        badRequest(
            "Invalid type for '\(param)': expected \(expected), but got \(describeKind(value)) instead.", param: param,
            code: "invalid_type")
    }

    static func invalidValue(_ param: String, _ value: String, supported: [String]) -> InferenceError {
        badRequest(
            "Invalid value: '\(value)'. Supported values are: \(listing(supported)).", param: param, code: "invalid_value")
    }

    static func invalid(_ param: String, _ detail: String) -> InferenceError {
        badRequest("Invalid value for '\(param)': \(detail)", param: param, code: "invalid_value")
    }

    static func emptyArray(_ param: String) -> InferenceError {
        badRequest(
            "Invalid '\(param)': empty array. Expected an array with minimum length 1, but got an empty array instead.",
            param: param, code: "empty_array")
    }

    static func arrayTooLong(_ param: String, maximum: Int, got count: Int) -> InferenceError {
        badRequest(
            "Invalid '\(param)': array too long. Expected an array with maximum length \(maximum), "
                + "but got an array with length \(count) instead.", param: param, code: "array_above_max_length")
    }

    static func integerBelow(_ param: String, minimum: Int, got value: Int) -> InferenceError {
        badRequest(
            "Invalid '\(param)': integer below minimum value. Expected a value >= \(minimum), but got \(value) instead.",
            param: param, code: "integer_below_min_value")
    }

    static func integerAbove(_ param: String, maximum: Int, got value: Int) -> InferenceError {
        badRequest(
            "Invalid '\(param)': integer above maximum value. Expected a value <= \(maximum), but got \(value) instead.",
            param: param, code: "integer_above_max_value")
    }

    static func decimalBelow(_ param: String, minimum: Double, got value: Double) -> InferenceError {
        badRequest(
            "Invalid '\(param)': decimal below minimum value. Expected a value >= \(format(minimum)), "
                + "but got \(format(value)) instead.", param: param, code: "decimal_below_min_value")
    }

    static func decimalAbove(_ param: String, maximum: Double, got value: Double) -> InferenceError {
        badRequest(
            "Invalid '\(param)': decimal above maximum value. Expected a value <= \(format(maximum)), "
                + "but got \(format(value)) instead.", param: param, code: "decimal_above_max_value")
    }

    /// The generic message OpenAI gives for an unusable `input` (empty string or empty list) on
    /// `/embeddings`.
    static func invalidInput(_ param: String) -> InferenceError {
        badRequest(
            "'$.\(param)' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
            param: param, code: nil)
    }

    /// `a string`, `an integer`, ... as OpenAI's invalid_type messages name the kind received.
    static func describeKind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a decimal"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// `'a', 'b', and 'c'` (OpenAI's supported-values list).
    static func listing(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        switch quoted.count {
        case 0: return ""
        case 1: return quoted[0]
        case 2: return "\(quoted[0]) and \(quoted[1])"
        default: return quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
        }
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
