import ARMCore
import JSON

/// Static checks ARM makes when it validates a template, before any resource is deployed.
extension TemplateEvaluator {
    /// Every expression in the template must parse and call only known functions, so a typo fails
    /// the PUT with 400 `InvalidTemplate` instead of a half-made deployment.
    package func checkFunctionNames() throws {
        try Self.checkFunctionNames(in: .object(template))
    }

    static let knownFunctions: Set<String> = Set(stringFunctions.keys).union(collectionFunctions.keys).union(numericFunctions.keys)
        .union(contextFunctions).union(lazyFunctions)

    static func checkFunctionNames(in value: JSONValue) throws {
        switch value {
        case .string(let text):
            if let expression = try TemplateExpressionParser.expression(inJSONString: text) { try checkFunctionNames(in: expression) }
        case .array(let items):
            for item in items { try checkFunctionNames(in: item) }
        case .object(let object):
            for (key, member) in object.pairs {
                try checkFunctionNames(in: .string(key))
                try checkFunctionNames(in: member)
            }
        default:
            break
        }
    }

    static func checkFunctionNames(in expression: TemplateExpression) throws {
        switch expression {
        case .literal:
            break
        case .property(let base, _):
            try checkFunctionNames(in: base)
        case .index(let base, let index):
            try checkFunctionNames(in: base)
            try checkFunctionNames(in: index)
        case .call(let name, let arguments):
            guard knownFunctions.contains(name) || (name.hasPrefix("list") && name.count > 4) else {
                throw TemplateError(
                    code: "InvalidTemplate",
                    "The template function '\(name)' is not valid. Please see https://aka.ms/arm-functions for usage details.")
            }
            for argument in arguments { try checkFunctionNames(in: argument) }
        }
    }
}
