import ARMCore
import JSON

/// Evaluates a template's expressions: parameters (resolved and type-checked once), variables
/// (lazily, with cycle detection), copy-loop indices and every supported function. One evaluator
/// serves one deployment inside one task; it is not shared across tasks.
package final class TemplateEvaluator {
    package let template: JSONObject
    package let context: DeploymentContext
    let reader: any TemplateResourceReader
    let parameterValues: [String: JSONValue]
    let parameterDefinitions: [String: (name: String, definition: JSONObject)]
    var variableCache: [String: JSONValue] = [:]
    var resolvingVariables: Set<String> = []
    var resolvingParameters: Set<String> = []
    var resolvedParameters: [String: JSONValue] = [:]
    /// Symbolic resource names and names → resource ids, for `reference('name')` and dependsOn.
    package var resourceNames: [String: String] = [:]

    /// The copy-loop position: loop name (lower-cased) → index, and the innermost loop.
    package struct LoopScope: Sendable {
        package var indices: [String: Int] = [:]
        package var current: Int?
        package init() {}
        package func entering(_ name: String?, index: Int) -> LoopScope {
            var scope = self
            if let name { scope.indices[name.lowercased()] = index }
            scope.current = index
            return scope
        }
    }

    /// `parameters` are the deployment's `properties.parameters` (`{"name":{"value":…}}`).
    package init(
        template: JSONObject, parameters: JSONObject, context: DeploymentContext,
        reader: any TemplateResourceReader = NoResourceReader()
    ) throws {
        self.template = template
        self.context = context
        self.reader = reader
        var definitions: [String: (String, JSONObject)] = [:]
        for (name, value) in template["parameters"]?.objectValue?.pairs ?? [] {
            guard let definition = value.objectValue else {
                throw TemplateError("The template parameter '\(name)' is not valid: its definition must be an object.")
            }
            definitions[name.lowercased()] = (name, definition)
        }
        parameterDefinitions = definitions
        var supplied: [String: JSONValue] = [:]
        var unknown: [String] = []
        for (name, value) in parameters.pairs {
            if definitions[name.lowercased()] == nil {
                unknown.append(name)
                continue
            }
            if value.objectValue?["reference"] != nil {
                throw TemplateError(
                    code: "InvalidTemplate",
                    "The template parameter '\(name)' uses a Key Vault reference, which this emulator does not resolve.")
            }
            guard let object = value.objectValue, let given = object["value"] else {
                throw TemplateError(
                    code: "InvalidTemplate", "The template parameter '\(name)' must be given as an object with a 'value' property.")
            }
            supplied[name.lowercased()] = given
        }
        if !unknown.isEmpty {
            throw TemplateError(
                "The template parameters '\(unknown.joined(separator: ", "))' in the parameters file are not valid; they are not present in the original template and can therefore not be provided at deployment time. The only supported parameters for this template are '\(template["parameters"]?.objectValue?.keys.joined(separator: ", ") ?? "")'. Please see https://aka.ms/arm-pass-parameter-values for usage details."
            )
        }
        parameterValues = supplied
    }

    // MARK: parameters

    /// Resolves and checks every parameter (validation runs this before any resource is created).
    package func resolveAllParameters() async throws {
        for key in parameterDefinitions.keys.sorted() { _ = try await parameter(named: key) }
    }

    /// The deployment's `properties.parameters` as ARM reports them: `{type, value}`, the value
    /// left out for secure types.
    package func reportedParameters() async throws -> JSONObject {
        var result = JSONObject()
        for (name, value) in template["parameters"]?.objectValue?.pairs ?? [] {
            let type = TemplateType(value["type"]?.stringValue ?? "")
            var entry: JSONObject = ["type": .string(type?.reportedName ?? "String")]
            if type?.isSecure != true { entry["value"] = try await parameter(named: name) }
            result[name] = .object(entry)
        }
        return result
    }

    func parameter(named name: String) async throws -> JSONValue {
        let key = name.lowercased()
        if let value = resolvedParameters[key] { return value }
        guard let (realName, definition) = parameterDefinitions[key] else {
            throw TemplateError(
                "The template parameter '\(name)' is not found. Please see https://aka.ms/arm-syntax-parameters for usage details.")
        }
        guard !resolvingParameters.contains(key) else {
            throw TemplateError("The template parameter '\(realName)' refers to itself through its default value.")
        }
        resolvingParameters.insert(key)
        defer { resolvingParameters.remove(key) }
        guard let typeName = definition["type"]?.stringValue, let type = TemplateType(typeName) else {
            throw TemplateError(
                "The template parameter '\(realName)' has an invalid type '\(definition["type"]?.stringValue ?? "")'. The supported types are 'string, securestring, int, bool, object, secureobject, array'."
            )
        }
        let raw: JSONValue
        // An explicit null with a defaultValue takes the default, as ARM does: azure-ai-ml sends
        // `{"value": null}` for every feature-store parameter it does not use (docs/azure-behaviours.md "What azure-ai-ml needs").
        if let supplied = parameterValues[key], supplied != .null || definition["defaultValue"] == nil {
            raw = supplied
        } else if let defaultValue = definition["defaultValue"] {
            raw = try await evaluateValue(defaultValue, scope: LoopScope())
        } else {
            throw TemplateError(
                "The value for the template parameter '\(realName)' is not provided. Please see https://aka.ms/arm-create-parameter-file for usage details."
            )
        }
        let value = Self.allowedSpelling(of: try type.coerce(raw, parameter: realName), definition: definition)
        try Self.checkConstraints(value, definition: definition, parameter: realName)
        resolvedParameters[key] = value
        return value
    }

    /// EMULATOR CHOICE: a string that is not among `allowedValues` but spells one the way Python
    /// prints an enum member (`PublicNetworkAccessType.ENABLED` for `Enabled`) is read as that
    /// value. azure-ai-ml 1.35.2 sends the hub's public network access to a project's template
    /// that way (docs/azure-behaviours.md "What azure-ai-ml needs", an SDK bug); anything else still fails the allowedValues check.
    static func allowedSpelling(of value: JSONValue, definition: JSONObject) -> JSONValue {
        guard case .string(let text) = value, let allowed = definition["allowedValues"]?.arrayValue,
            !allowed.contains(where: { TemplateEvaluator.equal($0, value) }),
            let dot = text.lastIndex(of: "."), text[..<dot].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else { return value }
        let member = text[text.index(after: dot)...].replacingOccurrences(of: "_", with: "").lowercased()
        let matches = allowed.filter { $0.stringValue?.replacingOccurrences(of: "_", with: "").lowercased() == member }
        return matches.count == 1 ? matches[0] : value
    }

    static func checkConstraints(_ value: JSONValue, definition: JSONObject, parameter: String) throws {
        if let allowed = definition["allowedValues"]?.arrayValue {
            let permitted: Bool
            if case .array(let items) = value {
                permitted = items.allSatisfy { item in allowed.contains { TemplateEvaluator.equal($0, item) } }
            } else {
                permitted = allowed.contains { TemplateEvaluator.equal($0, value) }
            }
            if !permitted {
                throw TemplateError(
                    "The provided value '\(value.displayText)' for the template parameter '\(parameter)' is not valid. The value must be one of '\(allowed.map(\.displayText).joined(separator: ","))'. Please see https://aka.ms/arm-syntax-parameters for usage details."
                )
            }
        }
        if let minimum = definition["minValue"]?.intValue, let number = value.intValue, number < minimum {
            throw TemplateError(
                "The provided value '\(number)' for the template parameter '\(parameter)' is not valid. The value must be greater than or equal to '\(minimum)'."
            )
        }
        if let maximum = definition["maxValue"]?.intValue, let number = value.intValue, number > maximum {
            throw TemplateError(
                "The provided value '\(number)' for the template parameter '\(parameter)' is not valid. The value must be less than or equal to '\(maximum)'."
            )
        }
        let length: Int? = value.stringValue?.count ?? value.arrayValue?.count
        if let minimum = definition["minLength"]?.intValue, let length, length < minimum {
            throw TemplateError(
                "The provided value for the template parameter '\(parameter)' is not valid. Length of the value should be greater than or equal to '\(minimum)'."
            )
        }
        if let maximum = definition["maxLength"]?.intValue, let length, length > maximum {
            throw TemplateError(
                "The provided value for the template parameter '\(parameter)' is not valid. Length of the value should be less than or equal to '\(maximum)'."
            )
        }
    }

    // MARK: variables

    func variable(named name: String, scope: LoopScope) async throws -> JSONValue {
        let key = name.lowercased()
        if let value = variableCache[key] { return value }
        let variables = template["variables"]?.objectValue ?? JSONObject()
        // Top-level `copy` in `variables` declares array variables (learn.microsoft.com "Variable iteration").
        for loop in variables["copy"]?.arrayValue ?? [] where loop["name"]?.stringValue?.lowercased() == key {
            let value = try await evaluateCopyArray(loop, scope: scope)
            variableCache[key] = value
            return value
        }
        guard
            let (realName, definition) = variables.pairs.first(where: { $0.key.lowercased() == key && $0.key != "copy" }).map({
                ($0.key, $0.value)
            })
        else {
            throw TemplateError(
                "The template variable '\(name)' is not found. Please see https://aka.ms/arm-syntax-variables for usage details.")
        }
        guard !resolvingVariables.contains(key) else {
            throw TemplateError("The template variable '\(realName)' has a circular reference to itself.")
        }
        resolvingVariables.insert(key)
        defer { resolvingVariables.remove(key) }
        let value = try await evaluateValue(definition, scope: LoopScope())
        variableCache[key] = value
        return value
    }

    /// A `{name, count, input}` copy element: an array of `input` evaluated for each index.
    func evaluateCopyArray(_ loop: JSONValue, scope: LoopScope) async throws -> JSONValue {
        let name = loop["name"]?.stringValue
        let countValue = try await evaluateValue(loop["count"] ?? .null, scope: scope)
        guard let count = countValue.intValue, count >= 0, count <= 800 else {
            throw TemplateError(
                "The copy count '\(countValue.displayText)' of '\(name ?? "copy")' is not valid: it must be an integer between 0 and 800.")
        }
        guard let input = loop["input"] else { throw TemplateError("The copy '\(name ?? "copy")' has no 'input'.") }
        var items: [JSONValue] = []
        for index in 0..<count { items.append(try await evaluateValue(input, scope: scope.entering(name, index: index))) }
        return .array(items)
    }

    // MARK: values

    /// Evaluates every expression string inside a JSON value. An object's `copy` array
    /// (property iteration) becomes the array properties it names.
    package func evaluateValue(_ value: JSONValue, scope: LoopScope) async throws -> JSONValue {
        switch value {
        case .string(let text):
            guard let expression = try TemplateExpressionParser.expression(inJSONString: text) else { return value }
            return try await evaluate(expression, scope: scope)
        case .array(let items):
            var result: [JSONValue] = []
            for item in items { result.append(try await evaluateValue(item, scope: scope)) }
            return .array(result)
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object.pairs {
                if key == "copy", case .array(let loops) = member {
                    for loop in loops {
                        guard let name = loop["name"]?.stringValue else { throw TemplateError("A property copy needs a 'name'.") }
                        result[name] = try await evaluateCopyArray(loop, scope: scope)
                    }
                    continue
                }
                let evaluatedKey = try await evaluateValue(.string(key), scope: scope)
                result[evaluatedKey.stringValue ?? key] = try await evaluateValue(member, scope: scope)
            }
            return .object(result)
        default:
            return value
        }
    }

    package func evaluate(_ expression: TemplateExpression, scope: LoopScope) async throws -> JSONValue {
        switch expression {
        case .literal(let value):
            return value
        case .property(let base, let name):
            let value = try await evaluate(base, scope: scope)
            guard case .object(let object) = value else {
                throw TemplateError(
                    "The language expression property '\(name)' can't be evaluated, the value is of type '\(value.templateTypeName)'.")
            }
            guard let member = object[name] ?? object.pairs.first(where: { $0.key.lowercased() == name.lowercased() })?.value else {
                throw TemplateError(
                    "The language expression property '\(name)' doesn't exist, available properties are '\(object.keys.joined(separator: ", "))'."
                )
            }
            return member
        case .index(let base, let indexExpression):
            let value = try await evaluate(base, scope: scope)
            let index = try await evaluate(indexExpression, scope: scope)
            switch (value, index) {
            case (.array(let items), _):
                guard let position = index.intValue else {
                    throw TemplateError("The language expression array index '\(index.displayText)' is not an integer.")
                }
                guard position >= 0, position < items.count else {
                    throw TemplateError("The language expression property array index '\(position)' is out of bounds.")
                }
                return items[position]
            case (.object, .string(let name)):
                return try await evaluate(.property(.literal(value), name), scope: scope)
            default:
                throw TemplateError(
                    "The language expression '[\(index.displayText)]' cannot index a value of type '\(value.templateTypeName)'.")
            }
        case .call(let name, let arguments):
            return try await call(name, arguments, scope: scope)
        }
    }
}
