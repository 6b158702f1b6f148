import ARMCore
import Foundation
import JSON

/// The function table. `if`, `and`, `or` evaluate lazily (only the branch taken), so a
/// `reference()` in the branch not taken never runs; everything else evaluates its arguments first.
extension TemplateEvaluator {
    /// Every function name this engine knows (lower-case), for the README and tests.
    package static let supportedFunctions: [String] =
        (lazyFunctions + Array(stringFunctions.keys) + Array(collectionFunctions.keys)
        + Array(numericFunctions.keys) + contextFunctions).sorted()

    static let lazyFunctions = ["if", "and", "or", "parameters", "variables", "copyindex", "reference", "list*"]
    static let contextFunctions = [
        "resourceid", "subscriptionresourceid", "tenantresourceid", "extensionresourceid", "resourcegroup", "subscription",
        "tenant", "deployment", "environment", "uniquestring", "guid", "newguid", "utcnow",
    ]

    func call(_ name: String, _ arguments: [TemplateExpression], scope: LoopScope) async throws -> JSONValue {
        switch name {
        case "if":
            try Self.arity(name, arguments, 3, 3)
            let condition = try await evaluate(arguments[0], scope: scope)
            guard case .bool(let flag) = condition else { throw TemplateError.function(name, "the condition must be a boolean") }
            return try await evaluate(arguments[flag ? 1 : 2], scope: scope)
        case "and", "or":
            try Self.arity(name, arguments, 1, nil)
            for argument in arguments {
                guard case .bool(let flag) = try await evaluate(argument, scope: scope) else {
                    throw TemplateError.function(name, "every argument must be a boolean")
                }
                if name == "and", !flag { return false }
                if name == "or", flag { return true }
            }
            return .bool(name == "and")
        case "parameters":
            try Self.arity(name, arguments, 1, 1)
            return try await parameter(named: try await evaluateString(arguments[0], name, scope: scope))
        case "variables":
            try Self.arity(name, arguments, 1, 1)
            return try await variable(named: try await evaluateString(arguments[0], name, scope: scope), scope: scope)
        case "copyindex":
            return try await copyIndex(arguments, scope: scope)
        case "reference":
            try Self.arity(name, arguments, 1, 3)
            var values: [JSONValue] = []
            for argument in arguments { values.append(try await evaluate(argument, scope: scope)) }
            guard let target = values[0].stringValue else { throw TemplateError.function(name, "the resource must be a string") }
            let id = target.hasPrefix("/") ? target : (resourceNames[target.lowercased()] ?? target)
            guard id.hasPrefix("/") else {
                throw TemplateError.function(name, "the resource '\(target)' is not defined in the template")
            }
            let full = values.count > 2 && values[2].stringValue?.lowercased() == "full"
            return try await reader.reference(id, apiVersion: values.count > 1 ? values[1].stringValue : nil, full: full)
        default:
            break
        }
        var values: [JSONValue] = []
        for argument in arguments { values.append(try await evaluate(argument, scope: scope)) }
        if let function = Self.stringFunctions[name] ?? Self.collectionFunctions[name] ?? Self.numericFunctions[name] {
            return try function(name, values)
        }
        if let value = try contextFunction(name, values) { return value }
        if name.hasPrefix("list"), name.count > 4 {
            // listKeys, listSecrets, listConnectionStrings, …: POST {id}/{action} (ARM's list* contract).
            try Self.arity(name, arguments, 2, 3)
            guard let id = values[0].stringValue, let apiVersion = values[1].stringValue else {
                throw TemplateError.function(name, "the resource id and api-version must be strings")
            }
            return try await reader.list(
                originalName(of: name), resourceID: id, apiVersion: apiVersion, body: values.count > 2 ? values[2] : nil)
        }
        throw TemplateError(
            code: "InvalidTemplate",
            "The template function '\(name)' is not valid. Please see https://aka.ms/arm-functions for usage details.")
    }

    /// `listkeys` → `listKeys`: the action segment of the POST keeps ARM's usual casing.
    func originalName(of lowered: String) -> String {
        let known = [
            "listkeys": "listKeys", "listsecrets": "listSecrets", "listconnectionstrings": "listConnectionStrings",
            "listcredentials": "listCredentials", "listaccountsas": "listAccountSas", "listservicesas": "listServiceSas",
        ]
        return known[lowered] ?? lowered
    }

    func evaluateString(_ expression: TemplateExpression, _ function: String, scope: LoopScope) async throws -> String {
        guard let text = try await evaluate(expression, scope: scope).stringValue else {
            throw TemplateError.function(function, "the argument must be a string")
        }
        return text
    }

    func copyIndex(_ arguments: [TemplateExpression], scope: LoopScope) async throws -> JSONValue {
        try Self.arity("copyIndex", arguments, 0, 2)
        var values: [JSONValue] = []
        for argument in arguments { values.append(try await evaluate(argument, scope: scope)) }
        var index = scope.current
        var offset = 0
        for value in values {
            if let name = value.stringValue {
                guard let named = scope.indices[name.lowercased()] else {
                    throw TemplateError.function("copyIndex", "the copy loop '\(name)' is not in scope")
                }
                index = named
            } else if let number = value.intValue {
                offset = number
            }
        }
        guard let index else {
            throw TemplateError.function("copyIndex", "the function can only be used inside a copy loop")
        }
        let (result, overflow) = index.addingReportingOverflow(offset)
        guard !overflow else { throw TemplateError.function("copyIndex", "the result is outside the range of a 64-bit integer") }
        return .int(Int64(result))
    }

    static func arity(_ name: String, _ arguments: [TemplateExpression], _ minimum: Int, _ maximum: Int?) throws {
        if arguments.count < minimum || (maximum.map { arguments.count > $0 } ?? false) {
            let expected = maximum == minimum ? "\(minimum)" : maximum.map { "\(minimum) to \($0)" } ?? "at least \(minimum)"
            throw TemplateError.function(name, "the function expects \(expected) argument(s) but received \(arguments.count)")
        }
    }

    static func arity(_ name: String, _ values: [JSONValue], _ minimum: Int, _ maximum: Int?) throws {
        if values.count < minimum || (maximum.map { values.count > $0 } ?? false) {
            let expected = maximum == minimum ? "\(minimum)" : maximum.map { "\(minimum) to \($0)" } ?? "at least \(minimum)"
            throw TemplateError.function(name, "the function expects \(expected) argument(s) but received \(values.count)")
        }
    }

    static func strings(_ name: String, _ values: [JSONValue]) throws -> [String] {
        try values.map { value in
            guard let text = value.stringValue else { throw TemplateError.function(name, "every argument must be a string") }
            return text
        }
    }

    static func string(_ name: String, _ value: JSONValue) throws -> String {
        guard let text = value.stringValue else {
            throw TemplateError.function(name, "expected a string but received a value of type '\(value.templateTypeName)'")
        }
        return text
    }

    static func integer(_ name: String, _ value: JSONValue) throws -> Int {
        guard let number = value.intValue else {
            throw TemplateError.function(name, "expected an integer but received a value of type '\(value.templateTypeName)'")
        }
        return number
    }
}
