import ARMCore
import EmulatorHTTP
import JSON

/// Content filters (docs/azure-behaviours.md "Content filters (raiPolicies)"): every account has the system-managed `Microsoft.Default`
/// and `Microsoft.DefaultV2`, served from code and never stored, so they cannot be changed or
/// deleted (400, EMULATOR CHOICE where the reference has [GAP]). PUT answers 200/201; DELETE 204
/// (the SDK accepts only 202/204).
extension CognitiveServicesProvider {
    var raiPolicyRoutes: [Route] {
        let collection = Self.accountPattern + "/raiPolicies"
        let item = collection + "/{raiPolicyName}"
        let read = "Microsoft.CognitiveServices/accounts/raiPolicies/read"
        let write = "Microsoft.CognitiveServices/accounts/raiPolicies/write"
        return [
            Route("GET", collection, operationID: "RaiPolicies_List", action: read) { request, parameters in
                let account = try requireParentAccount(request, childType: Self.raiPolicyType, operation: "read")
                var entries: [(String, JSONValue)] = RaiPolicy.builtInNames.map {
                    ($0.lowercased(), RaiPolicy.builtIn($0, account: account.id))
                }
                entries += store.children(of: account.id, type: Self.raiPolicyType).map { ($0.id.name.lowercased(), .object($0.body)) }
                return try Pager(request: request).list(entries.sorted { $0.0 < $1.0 }, key: { $0.0 }) { $0.1 }
            },
            Route("GET", item, operationID: "RaiPolicies_Get", action: read) { request, parameters in
                let account = try requireParentAccount(request, childType: Self.raiPolicyType, operation: "read")
                let name = parameters.required("raiPolicyName")
                if let builtIn = RaiPolicy.builtInName(name) {
                    return .ok(RaiPolicy.builtIn(builtIn, account: account.id))
                }
                return .ok(.object(try store.require(account.id.child(type: "raiPolicies", name: name)).body))
            },
            Route("PUT", item, operationID: "RaiPolicies_CreateOrUpdate", action: write) { request, parameters in
                try createRaiPolicy(request, parameters)
            },
            Route("DELETE", item, operationID: "RaiPolicies_Delete", action: "Microsoft.CognitiveServices/accounts/raiPolicies/delete") {
                request, parameters in
                let account = try requireParentAccount(request, childType: Self.raiPolicyType, operation: "delete")
                let name = parameters.required("raiPolicyName")
                if RaiPolicy.builtInName(name) != nil { throw ARMError.raiPolicySystemManaged(name) }
                let id = account.id.child(type: "raiPolicies", name: name)
                if let existing = store.get(id) {
                    try request.precondition?.check(existing)
                    try store.delete(id)
                }
                return .noContent
            },
        ]
    }

    /// A deployment's `raiPolicyName` must name a built-in or a policy of the account.
    func requireRaiPolicy(_ name: String, account: ResourceID) throws {
        if RaiPolicy.builtInName(name) != nil { return }
        guard store.contains(account.child(type: "raiPolicies", name: name)) else { throw ARMError.raiPolicyNotFound(name) }
    }

    func createRaiPolicy(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let account = try requireParentAccount(request, childType: Self.raiPolicyType, operation: "write")
        let name = parameters.required("raiPolicyName")
        try RaiPolicy.checkName(name)
        let input = try request.jsonBody()
        let id = account.id.child(type: "raiPolicies", name: name)
        let policy = try RaiPolicy(id: id, input: input, existing: store.get(id), caller: request.caller, date: now())
        let write = try store.put(id, body: policy.body, precondition: request.precondition)
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }
}
