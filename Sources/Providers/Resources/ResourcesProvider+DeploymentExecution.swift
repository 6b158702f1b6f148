import ARMCore
import ARMTemplates
import Foundation
import JSON

/// Running a validated deployment: resources in dependency order, one deployment operation per
/// resource (what `az` and azure-ai-ml list), then outputs. The record in the store is updated
/// after every resource so pollers see progress; a failed resource fails the deployment with
/// `DeploymentFailed` whose details carry the resource's own error (docs/azure-behaviours.md "Template deployments").
extension ResourcesProvider {
    static func run(
        _ deployment: TemplateDeployment, runner: DeploymentRunner, store: ResourceStore, started: Date, now: @Sendable () -> Date
    ) async {
        var failure: ARMError?
        var outputs = JSONObject()
        var outputResources: [JSONValue] = []
        var canceled = false
        do {
            let evaluator = try TemplateEvaluator(
                template: deployment.template, parameters: deployment.parameters, context: deployment.context, reader: runner)
            let plan = try await evaluator.plan()
            for resource in plan where !resource.isExisting {
                if store.get(deployment.id)?.privateState["canceled"]?.boolValue == true {
                    canceled = true
                    break
                }
                let begun = now()
                let outcome: DeploymentRunner.Outcome
                do {
                    outcome = await runner.put(resource, body: try await evaluator.body(of: resource))
                } catch let error as TemplateError {
                    outcome = DeploymentRunner.Outcome(statusCode: 400, body: nil, error: .invalidTemplate(error.message))
                }
                let operation = Self.operation(for: resource, outcome: outcome, deploymentID: deployment.id, begun: begun, ended: now())
                _ = try? store.updateResource(deployment.id) { record in
                    var operations = record.privateState["operations"]?.arrayValue ?? []
                    operations.append(operation)
                    record.privateState["operations"] = .array(operations)
                }
                if let error = outcome.error {
                    failure = .deploymentFailed(target: deployment.id.description, details: [error])
                    break
                }
                outputResources.append(["id": .string(resource.id)])
            }
            if failure == nil, !canceled { outputs = try await evaluator.outputs() }
        } catch let error as TemplateError {
            failure = .deploymentFailed(target: deployment.id.description, details: [.invalidTemplate(error.message)])
        } catch {
            failure = .deploymentFailed(target: deployment.id.description, details: [.internalServerError()])
        }
        let outcome = (canceled: canceled, failure: failure, outputs: outputs, outputResources: outputResources)
        finish(deployment.id, outcome, store: store, duration: now().timeIntervalSince(started))
    }

    /// The record's final state: Canceled, Failed with the error, or Succeeded with the outputs.
    static func finish(
        _ id: ResourceID, _ outcome: (canceled: Bool, failure: ARMError?, outputs: JSONObject, outputResources: [JSONValue]),
        store: ResourceStore, duration: TimeInterval
    ) {
        _ = try? store.update(id) { body in
            var properties = body["properties"]?.objectValue ?? JSONObject()
            properties["provisioningState"] = .string(outcome.canceled ? "Canceled" : (outcome.failure == nil ? "Succeeded" : "Failed"))
            properties["duration"] = .string(Self.isoDuration(duration))
            properties["outputResources"] = .array(outcome.outputResources)
            if let failure = outcome.failure {
                properties["error"] = failure.errorObjectJSON
            } else if !outcome.canceled {
                properties["outputs"] = .object(outcome.outputs)
            }
            body["properties"] = .object(properties)
        }
    }

    /// A deployment operation as `GET …/deployments/{name}/operations` lists it.
    static func operation(
        for resource: PlannedResource, outcome: DeploymentRunner.Outcome, deploymentID: ResourceID, begun: Date, ended: Date
    ) -> JSONValue {
        let operationID = String(newGUID().replacingOccurrences(of: "-", with: "").prefix(16)).uppercased()
        var properties: JSONObject = [
            "provisioningOperation": "Create",
            "provisioningState": .string(outcome.error == nil ? "Succeeded" : "Failed"),
            "timestamp": .string(ARMTimestamp.string(from: ended)),
            "duration": .string(isoDuration(ended.timeIntervalSince(begun))),
            "trackingId": .string(newGUID()),
            "serviceRequestId": .string(newGUID()),
            "statusCode": .string(HTTPStatusCodeName.of(outcome.statusCode)),
            "targetResource": [
                "id": .string(resource.id), "resourceType": .string(resource.type), "resourceName": .string(resource.name),
                "apiVersion": .string(resource.apiVersion),
            ],
        ]
        if let error = outcome.error { properties["statusMessage"] = ["status": "Failed", "error": error.errorObjectJSON] }
        return [
            "id": .string("\(deploymentID.description)/operations/\(operationID)"), "operationId": .string(operationID),
            "properties": .object(properties),
        ]
    }

    /// ISO 8601 duration as ARM writes it, e.g. `PT1.2345S`.
    static func isoDuration(_ seconds: TimeInterval) -> String {
        let value = max(0, seconds)
        if value >= 60 {
            let minutes = Int(value / 60)
            return String(format: "PT%dM%.7gS", minutes, value - Double(minutes * 60))
        }
        return String(format: "PT%.7gS", value)
    }
}
