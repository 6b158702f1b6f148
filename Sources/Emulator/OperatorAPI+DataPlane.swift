import ARMCore
import DataPlane

/// `/_emulator/dataplane/*`: scripted model answers for tests (docs/dataplane.md "Scripted
/// answers") and the per-deployment usage counters.
extension OperatorAPI {
    var dataPlaneRoutes: [Route] {
        let rules = emulator.dataPlane.handlers.models.rules
        return [
            Route("GET", "/_emulator/dataplane/rules", operationID: "Emulator_ListDataPlaneRules", action: nil) { _, _ in
                .ok(["value": .array(rules.all.map(\.json))])
            },
            Route("POST", "/_emulator/dataplane/rules", operationID: "Emulator_AddDataPlaneRule", action: nil) { request, _ in
                do {
                    return .created(try rules.add(.object(request.jsonBody())).json)
                } catch let error as ScriptedRuleError {
                    throw ARMError.invalidDataPlaneRule(error.message)
                }
            },
            Route("DELETE", "/_emulator/dataplane/rules", operationID: "Emulator_ClearDataPlaneRules", action: nil) { _, _ in
                rules.removeAll()
                return .noContent
            },
            Route("DELETE", "/_emulator/dataplane/rules/{ruleId}", operationID: "Emulator_DeleteDataPlaneRule", action: nil) {
                _, parameters in
                let id = parameters.required("ruleId")
                guard rules.remove(id: id) else { throw ARMError.dataPlaneRuleNotFound(id) }
                return .noContent
            },
            Route("GET", "/_emulator/dataplane/usage", operationID: "Emulator_DataPlaneUsage", action: nil) { _, _ in
                .ok(emulator.dataPlane.usage.json)
            },
        ]
    }
}
