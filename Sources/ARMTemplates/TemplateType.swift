import ARMCore
import Foundation
import JSON

/// A parameter or output type (`string`, `securestring`, `int`, `bool`, `object`, `secureObject`,
/// `array`; case-insensitive). Booleans and integers given as strings ("true", "5") are accepted,
/// as ARM does for values that arrive through parameter files and azure-ai-ml (docs/azure-behaviours.md "What azure-ai-ml needs").
package enum TemplateType: Sendable, Equatable {
    case string, secureString, int, bool, object, secureObject, array

    package init?(_ name: String) {
        switch name.lowercased() {
        case "string": self = .string
        case "securestring": self = .secureString
        case "int": self = .int
        case "bool": self = .bool
        case "object": self = .object
        case "secureobject": self = .secureObject
        case "array": self = .array
        default: return nil
        }
    }

    package var isSecure: Bool { self == .secureString || self == .secureObject }

    /// The type name deployments report (`"String"`, `"SecureString"`, …).
    package var reportedName: String {
        switch self {
        case .string: "String"
        case .secureString: "SecureString"
        case .int: "Int"
        case .bool: "Bool"
        case .object: "Object"
        case .secureObject: "SecureObject"
        case .array: "Array"
        }
    }

    func coerce(_ value: JSONValue, parameter: String) throws -> JSONValue {
        switch (self, value) {
        case (.string, .string), (.secureString, .string), (.int, .int), (.bool, .bool),
            (.object, .object), (.secureObject, .object), (.array, .array):
            return value
        case (.int, .double(let number)) where number.rounded() == number:
            return .int(Int64(number))
        case (.int, .string(let text)) where Int64(text.trimmingCharacters(in: .whitespaces)) != nil:
            return .int(Int64(text.trimmingCharacters(in: .whitespaces))!)
        case (.bool, .string(let text)) where ["true", "false"].contains(text.lowercased()):
            return .bool(text.lowercased() == "true")
        default:
            throw TemplateError(
                "Template parameter '\(parameter)' was provided an invalid value. Expected a value of type '\(reportedName)', but received a value of type '\(value.templateTypeName)'. Please see https://aka.ms/resource-manager-parameter-files for usage details."
            )
        }
    }
}
