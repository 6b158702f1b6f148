import ARMCore

/// `/_emulator/faults` (docs/reference.md "Fault and latency injection"): tests add rules that delay requests, answer them with an ARM
/// error (429 throttling in ARM's shape, 5xx, any code) or make their long-running operation end
/// Failed, so that their own retry and error handling can be exercised.
extension OperatorAPI {
    var faultRoutes: [Route] {
        [
            Route("GET", "/_emulator/faults", operationID: "Emulator_ListFaults", action: nil) { _, _ in
                .ok(["value": .array(emulator.faults.all.map(\.json))])
            },
            Route("POST", "/_emulator/faults", operationID: "Emulator_AddFault", action: nil) { request, _ in
                let rule = try FaultRule(json: request.jsonBody(), id: newGUID())
                try emulator.faults.add(rule)
                return .created(rule.json)
            },
            Route("DELETE", "/_emulator/faults", operationID: "Emulator_ClearFaults", action: nil) { _, _ in
                emulator.faults.removeAll()
                return .noContent
            },
            Route("DELETE", "/_emulator/faults/{faultId}", operationID: "Emulator_DeleteFault", action: nil) { _, parameters in
                let id = parameters.required("faultId")
                guard emulator.faults.remove(id: id) else { throw ARMError.faultRuleNotFound(id) }
                return .noContent
            },
        ]
    }
}
