import ARMCore
import JSON

/// `/v1.0/directoryObjects`: `getByIds` (az resolves assignees and principal names with it),
/// `checkMemberGroups` (`az ad group member check`) and `getMemberGroups`.
extension GraphLite {
    var directoryObjectRoutes: [Route] {
        [
            Route("POST", "/v1.0/directoryObjects/getByIds", operationID: "Graph_GetByIds", action: nil) { request, _ in
                try getByIds(request)
            },
            Route("POST", "/v1.0/directoryObjects/{id}/checkMemberGroups", operationID: "Graph_CheckMemberGroups", action: nil) {
                request, parameters in
                let id = try requireObject(parameters.required("id"))
                guard let wanted = try request.jsonBody()["groupIds"]?.arrayValue?.compactMap(\.stringValue) else {
                    throw ARMError.graphMissingProperty("groupIds")
                }
                let member = Set(directory.transitiveGroupIds(of: id))
                let found = wanted.filter { member.contains($0.lowercased()) }
                return .ok(
                    .object(
                        JSONObject([
                            ("@odata.context", .string(request.baseURL + "/v1.0/$metadata#Collection(Edm.String)")),
                            ("value", .array(found.map(JSONValue.string))),
                        ])))
            },
            Route("POST", "/v1.0/directoryObjects/{id}/getMemberGroups", operationID: "Graph_GetMemberGroups", action: nil) {
                request, parameters in
                memberGroups(of: try requireObject(parameters.required("id")), request)
            },
            Route("POST", "/v1.0/users/{id}/getMemberGroups", operationID: "Graph_GetUserMemberGroups", action: nil) {
                request, parameters in
                memberGroups(of: try requireUser(parameters.required("id")).objectId, request)
            },
        ]
    }

    func requireObject(_ id: String) throws -> String {
        guard directory.containsObject(id) else { throw ARMError.graphResourceNotFound(id) }
        return id.lowercased()
    }

    /// `POST directoryObjects/getByIds {"ids":[...],"types":[...]}`: the objects found, each with
    /// `@odata.type`; unknown ids are left out, as Graph does.
    func getByIds(_ request: ARMRequest) throws -> ARMResponse {
        let body = try request.jsonBody()
        guard let ids = body["ids"]?.arrayValue?.compactMap(\.stringValue) else {
            throw ARMError.graphBadRequest("The request body must have 'ids', an array of object ids.")
        }
        let types = Set((body["types"]?.arrayValue ?? []).compactMap { $0.stringValue?.lowercased() })
        let result = ids.compactMap { directoryObjectJSON($0, types: types, baseURL: request.baseURL) }
        return collection(result, type: "directoryObjects", baseURL: request.baseURL)
    }
}
