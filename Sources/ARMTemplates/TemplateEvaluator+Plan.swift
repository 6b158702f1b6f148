import ARMCore
import JSON

/// Expanding `resources` into an ordered deployment plan (learn.microsoft.com "Define the order
/// for deploying resources", "Resource iteration", "Conditional deployment").
extension TemplateEvaluator {
    /// Members of a resource definition that steer the deployment and are not sent to the provider.
    static let templateOnlyKeys: Set<String> = [
        "condition", "copy", "dependson", "resources", "comments", "apiversion", "type", "name", "metadata", "existing",
        "scope", "import",
    ]

    /// Every resource instance to deploy, dependencies first (template order among independent
    /// ones). Throws `InvalidTemplate` for malformed resources, unknown dependencies and cycles.
    package func plan() async throws -> [PlannedResource] {
        var planned: [PlannedResource] = []
        var pendingDependencies: [[String]] = []
        var skipped: [String] = []
        let resources: [(String?, JSONValue)]
        switch template["resources"] {
        case .array(let items)?: resources = items.map { (nil, $0) }
        case .object(let object)?: resources = object.pairs.map { ($0.key, $0.value) }
        case nil, .null?: resources = []
        default: throw TemplateError("The template 'resources' must be an array or, with languageVersion 2.0, an object.")
        }
        for (symbolic, resource) in resources {
            try await expand(
                resource, symbolic: symbolic, parent: nil, scope: LoopScope(), into: &planned, dependencies: &pendingDependencies,
                skipped: &skipped)
        }
        for resource in planned {
            resourceNames[resource.name.lowercased()] = resource.id
            if let symbolic = resource.symbolicName { resourceNames[symbolic.lowercased()] = resource.id }
        }
        for index in planned.indices {
            planned[index].dependsOn = try resolveDependencies(
                pendingDependencies[index], of: planned[index], in: planned, skipped: skipped)
        }
        return try Self.order(planned)
    }

    private func expand(
        _ value: JSONValue, symbolic: String?, parent: PlannedResource?, scope: LoopScope, into planned: inout [PlannedResource],
        dependencies: inout [[String]], skipped: inout [String]
    ) async throws {
        guard let definition = value.objectValue else { throw TemplateError("Every template resource must be a JSON object.") }
        if let copy = definition["copy"]?.objectValue {
            guard parent == nil else {
                throw TemplateError(
                    "Copying nested resources is not supported. Please see https://aka.ms/arm-copy/#looping-on-a-nested-resource for usage details."
                )
            }
            let name = copy["name"]?.stringValue ?? symbolic
            let countValue = try await evaluateValue(copy["count"] ?? .null, scope: scope)
            guard let count = countValue.intValue, count >= 0, count <= 800 else {
                throw TemplateError("The copy count '\(countValue.displayText)' is not valid: it must be an integer between 0 and 800.")
            }
            var single = definition
            single["copy"] = nil
            for index in 0..<count {
                let before = planned.count
                try await expand(
                    .object(single), symbolic: symbolic, parent: nil, scope: scope.entering(name, index: index),
                    into: &planned, dependencies: &dependencies, skipped: &skipped)
                for added in before..<planned.count { planned[added].copyName = name }
            }
            return
        }
        var type = try await evaluateValue(definition["type"] ?? .null, scope: scope).stringValue ?? ""
        var name = try await evaluateValue(definition["name"] ?? .null, scope: scope).stringValue ?? ""
        guard !type.isEmpty, !name.isEmpty else { throw TemplateError("Every template resource needs a 'type' and a 'name'.") }
        if let parent {
            if !type.lowercased().hasPrefix(parent.type.lowercased() + "/") { type = parent.type + "/" + type }
            if !name.lowercased().hasPrefix(parent.name.lowercased() + "/") { name = parent.name + "/" + name }
        }
        let apiVersion = try await evaluateValue(definition["apiVersion"] ?? .null, scope: scope).stringValue ?? ""
        let typeSegments = type.split(separator: "/")
        let nameSegments = name.split(separator: "/", omittingEmptySubsequences: false)
        guard typeSegments.count == nameSegments.count + 1 else {
            throw TemplateError(
                "The template resource '\(name)' for type '\(type)' has incorrect segment lengths. A nested resource type must have identical number of segments as its resource name. A root resource type must have segment length one greater than its resource name. Please see https://aka.ms/arm-syntax-resources for usage details."
            )
        }
        let id = try Self.buildID(prefix: context.resourceGroupID, [type, name][...], function: "resource")
        if let condition = definition["condition"] {
            let flag = try await evaluateValue(condition, scope: scope)
            guard case .bool(let deploy) = flag else {
                throw TemplateError("The template resource '\(name)' has a condition that is not a boolean: '\(flag.displayText)'.")
            }
            if !deploy {
                skipped.append(id.lowercased())
                skipped.append(name.lowercased())
                if let symbolic { skipped.append(symbolic.lowercased()) }
                return
            }
        }
        guard !apiVersion.isEmpty else {
            throw TemplateError("The template resource '\(name)' of type '\(type)' has no 'apiVersion'.")
        }
        var body = JSONObject()
        for (key, member) in definition.pairs where !Self.templateOnlyKeys.contains(key.lowercased()) { body[key] = member }
        var waits: [String] = []
        for dependency in definition["dependsOn"]?.arrayValue ?? [] {
            let evaluated = try await evaluateValue(dependency, scope: scope)
            guard let text = evaluated.stringValue else { throw TemplateError("Every 'dependsOn' entry of '\(name)' must be a string.") }
            waits.append(text)
        }
        if let parent { waits.append(parent.id) }
        let resource = PlannedResource(
            type: type, name: name, apiVersion: apiVersion, id: id, dependsOn: [], definition: body, scope: scope,
            symbolicName: symbolic, copyName: nil, isExisting: definition["existing"]?.boolValue == true)
        planned.append(resource)
        dependencies.append(waits)
        for child in definition["resources"]?.arrayValue ?? [] {
            try await expand(
                child, symbolic: nil, parent: resource, scope: scope, into: &planned, dependencies: &dependencies, skipped: &skipped)
        }
    }

    /// A dependency names a resource by id, by `type/name`, by name, by symbolic name or by copy
    /// loop (all its instances). One on a resource whose condition is false is dropped, as ARM does.
    private func resolveDependencies(
        _ references: [String], of resource: PlannedResource, in planned: [PlannedResource], skipped: [String]
    ) throws -> [String] {
        var ids: [String] = []
        for reference in references {
            let key = reference.lowercased()
            let matches = planned.filter { candidate in
                candidate.id.lowercased() == key || "\(candidate.type)/\(candidate.name)".lowercased() == key
                    || candidate.name.lowercased() == key || candidate.symbolicName?.lowercased() == key
                    || candidate.copyName?.lowercased() == key
            }
            if matches.isEmpty {
                if skipped.contains(key) || skipped.contains(where: { key.hasSuffix("/" + $0) || $0.hasSuffix(key) }) { continue }
                throw TemplateError(
                    "The resource '\(reference)' is not defined in the template. Please see https://aka.ms/arm-syntax for usage details.")
            }
            for match in matches where match.id.lowercased() != resource.id.lowercased() && !ids.contains(match.id) { ids.append(match.id) }
        }
        return ids
    }

    /// Kahn's algorithm, stable on template order; a cycle is ARM's `InvalidTemplate` "Circular dependency".
    static func order(_ resources: [PlannedResource]) throws -> [PlannedResource] {
        var remaining = resources
        var done: Set<String> = []
        var result: [PlannedResource] = []
        while !remaining.isEmpty {
            guard let next = remaining.firstIndex(where: { $0.dependsOn.allSatisfy { done.contains($0.lowercased()) } }) else {
                let names = remaining.map { "'\($0.id)'" }.joined(separator: ", ")
                throw TemplateError(
                    "Circular dependency detected on resource: \(names). Please see https://aka.ms/arm-syntax-resources for usage details.")
            }
            let resource = remaining.remove(at: next)
            done.insert(resource.id.lowercased())
            result.append(resource)
        }
        return result
    }

    /// The body to PUT for a planned resource, expressions evaluated now. For a nested deployment
    /// with `expressionEvaluationOptions.scope` `inner`, the inner template is left for the nested
    /// deployment to evaluate with its own parameters.
    package func body(of resource: PlannedResource) async throws -> JSONValue {
        var definition = resource.definition
        let innerScope =
            resource.type.lowercased() == "microsoft.resources/deployments"
            && definition["properties"]?["expressionEvaluationOptions"]?["scope"]?.stringValue?.lowercased() == "inner"
        var innerTemplate: JSONValue?
        if innerScope, var properties = definition["properties"]?.objectValue {
            innerTemplate = properties["template"]
            properties["template"] = nil
            definition["properties"] = .object(properties)
        }
        var body = try await evaluateValue(.object(definition), scope: resource.scope)
        if let innerTemplate, var object = body.objectValue, var properties = object["properties"]?.objectValue {
            properties["template"] = innerTemplate
            object["properties"] = .object(properties)
            body = .object(object)
        }
        return body
    }

    /// The deployment's `outputs` as ARM reports them: `{name: {type, value}}` (secure outputs are
    /// reported without their value).
    package func outputs() async throws -> JSONObject {
        var result = JSONObject()
        for (name, value) in template["outputs"]?.objectValue?.pairs ?? [] {
            guard let definition = value.objectValue else { throw TemplateError("The template output '\(name)' must be an object.") }
            guard let type = TemplateType(definition["type"]?.stringValue ?? "") else {
                throw TemplateError("The template output '\(name)' has an invalid type '\(definition["type"]?.stringValue ?? "")'.")
            }
            if let condition = definition["condition"], try await evaluateValue(condition, scope: LoopScope()) == .bool(false) { continue }
            let evaluated: JSONValue
            if let copy = definition["copy"], copy.objectValue != nil {
                evaluated = try await evaluateCopyArray(copy, scope: LoopScope())
            } else {
                evaluated = try await evaluateValue(definition["value"] ?? .null, scope: LoopScope())
            }
            let checked = try type.coerce(evaluated, parameter: name)
            var entry: JSONObject = ["type": .string(type.reportedName)]
            if !type.isSecure { entry["value"] = checked }
            result[name] = .object(entry)
        }
        return result
    }
}
