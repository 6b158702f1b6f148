import ARMCore
import ARMTemplates
import Foundation
import Identity
import JSON

/// A template deployment as PUT and validate read it (docs/azure-behaviours.md "Template
/// deployments"): the body parsed and validated, the template evaluated into a plan, and the
/// record's bodies.
struct TemplateDeployment: Sendable {
    static let resourceType = "Microsoft.Resources/deployments"

    /// What a deployment is checked and evaluated against besides its body.
    struct WriteContext: Sendable {
        /// The deployment's subscription as the directory knows it (nil: only its id is known).
        let subscription: Subscription?
        /// The caller's tenant, when the subscription is unknown.
        let callerTenantID: String?
        /// Every namespace the emulator serves: template resource types must be among them.
        let registrations: [ResourceProviderRegistration]
        let correlationID: String
        let now: Date
        /// Reads existing resources for `reference()` and `list*()` in the template.
        let reader: DeploymentRunner
    }

    let id: ResourceID
    let template: JSONObject
    let parameters: JSONObject
    let mode: String
    let context: DeploymentContext
    let plan: [PlannedResource]
    let reportedParameters: JSONObject
    let templateHash: String
    let tags: JSONValue?

    var name: String { id.name }

    /// The name is checked first, then that the resource group exists (`group`), then the body:
    /// `properties.mode` (`Incremental`; `Complete` is 501), an inline `properties.template`
    /// (links are 501), tags, the template's functions and parameters, and the types of the
    /// resources it plans (served by a registered provider).
    init(
        validating input: @autoclosure () throws -> JSONObject, id: ResourceID, group: @autoclosure () throws -> StoredResource,
        context write: WriteContext
    ) async throws {
        try Self.validateName(id.name)
        let group = try group()
        let input = try input()
        let properties = try Self.properties(of: input)
        guard let template = properties["template"]?.objectValue else {
            throw ARMError.invalidDeploymentRequest("The request content must contain 'properties.template' as a JSON object.")
        }
        // Deployments are tagged like any resource: the same rules, never a non-object stored (found
        // by scripts/api-fuzz: `"tags": [null]` came back in GET against the document).
        let tags = input["tags"] == nil ? nil : try TagRules.validate(input["tags"])
        let suppliedParameters = properties["parameters"]?.objectValue ?? JSONObject()
        let subscriptionID = id.subscriptionID ?? ""
        let context = DeploymentContext(
            subscriptionID: write.subscription?.subscriptionId ?? subscriptionID,
            subscriptionDisplayName: write.subscription?.displayName ?? "",
            tenantID: write.subscription?.tenantId ?? write.callerTenantID ?? "", resourceGroupName: group.id.name,
            resourceGroupLocation: group.body["location"]?.stringValue ?? "",
            resourceGroupTags: group.body["tags"]?.objectValue ?? JSONObject(), deploymentName: id.name, now: write.now)
        do {
            let evaluator = try TemplateEvaluator(
                template: template, parameters: suppliedParameters, context: context, reader: write.reader)
            try evaluator.checkFunctionNames()
            try await evaluator.resolveAllParameters()
            let plan = try await evaluator.plan()
            try Self.checkResourceTypes(plan, deploymentName: id.name, context: write)
            self.init(
                id: id, template: template, parameters: suppliedParameters, mode: "Incremental", context: context, plan: plan,
                reportedParameters: try await evaluator.reportedParameters(), templateHash: evaluator.templateHash,
                tags: tags.map { .object($0) })
        } catch let error as TemplateError {
            throw ARMError.invalidTemplate(error.message)
        }
    }

    init(
        id: ResourceID, template: JSONObject, parameters: JSONObject, mode: String, context: DeploymentContext, plan: [PlannedResource],
        reportedParameters: JSONObject, templateHash: String, tags: JSONValue?
    ) {
        self.id = id
        self.template = template
        self.parameters = parameters
        self.mode = mode
        self.context = context
        self.plan = plan
        self.reportedParameters = reportedParameters
        self.templateHash = templateHash
        self.tags = tags
    }

    static func validateName(_ name: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._()"))
        let invalid = String(name.unicodeScalars.filter { !allowed.contains($0) }.map(Character.init))
        if name.isEmpty || name.count > 64 || !invalid.isEmpty { throw ARMError.invalidDeploymentName(name, invalid: invalid) }
    }

    /// `properties` with a supported `mode` and no links.
    static func properties(of input: JSONObject) throws -> JSONObject {
        guard let properties = input["properties"]?.objectValue else {
            throw ARMError.invalidDeploymentRequest("The request content is missing the required property 'properties'.")
        }
        guard let mode = properties["mode"]?.stringValue else {
            throw ARMError.invalidDeploymentRequest("The request content is missing the required property 'properties.mode'.")
        }
        switch mode.lowercased() {
        case "incremental": break
        case "complete": throw ARMError.notImplemented("Deployments_CreateOrUpdate with mode 'Complete'")
        default:
            throw ARMError.invalidDeploymentRequest(
                "The deployment mode '\(mode)' is not valid. The supported modes are 'Incremental, Complete'.")
        }
        if properties["templateLink"] != nil { throw ARMError.notImplemented("Deployments_CreateOrUpdate with 'templateLink'") }
        if properties["parametersLink"] != nil { throw ARMError.notImplemented("Deployments_CreateOrUpdate with 'parametersLink'") }
        return properties
    }

    /// Every template resource type must be served by a registered provider (validation, like ARM's
    /// preflight), so an unknown type fails before anything is created.
    static func checkResourceTypes(_ plan: [PlannedResource], deploymentName: String, context: WriteContext) throws {
        var problems: [ARMError] = []
        for resource in plan where !resource.isExisting {
            let parts = resource.type.split(separator: "/", maxSplits: 1).map(String.init)
            let known = context.registrations.contains { registration in
                registration.namespace.lowercased() == parts[0].lowercased()
                    && registration.resourceTypes.contains { parts.count > 1 && $0.name.lowercased() == parts[1].lowercased() }
            }
            if !known { problems.append(.templateResourceTypeNotFound(resource.type, apiVersion: resource.apiVersion)) }
        }
        if !problems.isEmpty {
            throw ARMError.invalidTemplateDeployment(deploymentName, trackingID: context.correlationID, details: problems)
        }
    }
}
