import ARMCore
import ARMTemplates
import Foundation
import JSON

/// The deployment record's bodies: the one a PUT stores while the deployment runs, and the one
/// validate answers.
extension TemplateDeployment {
    /// The record a PUT stores over `existing` (and its private state: the template, no operations
    /// yet): 409 `DeploymentActive` while a previous run of the same name is still active.
    func runningBody(
        replacing existing: StoredResource?, caller: Caller?, started: Date, correlationID: String
    ) throws -> (body: JSONObject, privateState: JSONObject) {
        if let state = existing?.body["properties"]?["provisioningState"]?.stringValue, ["Accepted", "Running"].contains(state) {
            throw ARMError(
                status: 409, code: "DeploymentActive",
                message:
                    "Unable to edit or replace deployment '\(name)': previous deployment from '\(existing?.body["properties"]?["timestamp"]?.stringValue ?? "")' is still active (state: \(state))."
            )
        }
        var body = JSONObject([("id", .string(id.description)), ("name", .string(name)), ("type", .string(Self.resourceType))])
        if let tags { body["tags"] = tags }
        body["properties"] = .object(
            JSONObject([
                ("templateHash", .string(templateHash)), ("parameters", .object(reportedParameters)), ("mode", .string(mode)),
                ("provisioningState", "Running"), ("timestamp", .string(ARMTimestamp.string(from: started))), ("duration", "PT0S"),
                ("correlationId", .string(correlationID)), ("providers", .array(Self.providers(of: plan))),
                ("dependencies", .array(Self.dependencies(of: plan))), ("outputResources", []),
            ]))
        body["systemData"] = .object(SystemData.make(caller: caller, at: started, previous: existing?.body["systemData"]))
        return (body, ["template": .object(template), "operations": []])
    }

    /// What `POST …/validate` answers: the record as it would be, with the resources it validated.
    func validatedBody(at date: Date, correlationID: String) -> JSONValue {
        [
            "id": .string(id.description), "name": .string(name), "type": .string(Self.resourceType),
            "properties": [
                "templateHash": .string(templateHash), "parameters": .object(reportedParameters),
                "mode": .string(mode), "provisioningState": "Succeeded",
                "timestamp": .string(ARMTimestamp.string(from: date)), "duration": "PT0S",
                "correlationId": .string(correlationID),
                "providers": .array(Self.providers(of: plan)), "dependencies": .array(Self.dependencies(of: plan)),
                "validatedResources": .array(plan.map { ["id": .string($0.id)] }),
            ],
        ]
    }

    static func providers(of plan: [PlannedResource]) -> [JSONValue] {
        var namespaces: [(String, [String])] = []
        for resource in plan {
            let parts = resource.type.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if let index = namespaces.firstIndex(where: { $0.0.lowercased() == parts[0].lowercased() }) {
                if !namespaces[index].1.contains(parts[1]) { namespaces[index].1.append(parts[1]) }
            } else {
                namespaces.append((parts[0], [parts[1]]))
            }
        }
        return namespaces.map { namespace, types in
            ["namespace": .string(namespace), "resourceTypes": .array(types.map { ["resourceType": .string($0), "locations": []] })]
        }
    }

    static func dependencies(of plan: [PlannedResource]) -> [JSONValue] {
        let byID = Dictionary(plan.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        return plan.filter { !$0.dependsOn.isEmpty }.map { resource in
            [
                "id": .string(resource.id), "resourceType": .string(resource.type), "resourceName": .string(resource.name),
                "dependsOn": .array(
                    resource.dependsOn.map { id in
                        let target = byID[id.lowercased()]
                        return [
                            "id": .string(id), "resourceType": .string(target?.type ?? ""), "resourceName": .string(target?.name ?? ""),
                        ]
                    }),
            ]
        }
    }
}
