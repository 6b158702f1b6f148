import ARMCore
import JSON

/// `/v1.0/groups`: `az ad group create/show/list/delete` and `az ad group member add/remove/list/check`
/// (https://learn.microsoft.com/graph/api/resources/group). Only security groups are modelled.
extension GraphLite {
    var groupRoutes: [Route] {
        [
            Route("GET", "/v1.0/groups", operationID: "Graph_ListGroups", action: nil) { request, _ in
                try filtered(directory.groups.map(Self.json), request, type: "groups")
            },
            Route("POST", "/v1.0/groups", operationID: "Graph_CreateGroup", action: nil) { request, _ in
                try createGroup(request)
            },
            Route("GET", "/v1.0/groups/{id}", operationID: "Graph_GetGroup", action: nil) { request, parameters in
                .ok(single(Self.json(try requireGroup(parameters.required("id"))), type: "groups", baseURL: request.baseURL))
            },
            Route("DELETE", "/v1.0/groups/{id}", operationID: "Graph_DeleteGroup", action: nil) { request, parameters in
                try requireDirectoryWriter(request)
                let id = parameters.required("id")
                guard directory.removeGroup(objectId: id) != nil else { throw ARMError.graphResourceNotFound(id) }
                return ARMResponse(status: 204)
            },
            Route("GET", "/v1.0/groups/{id}/members", operationID: "Graph_ListGroupMembers", action: nil) { request, parameters in
                let group = try requireGroup(parameters.required("id"))
                let members = group.members.compactMap { directoryObjectJSON($0, baseURL: request.baseURL) }
                return collection(members, type: "directoryObjects", baseURL: request.baseURL)
            },
            Route("POST", "/v1.0/groups/{id}/members/$ref", operationID: "Graph_AddGroupMember", action: nil) { request, parameters in
                try requireDirectoryWriter(request)
                let group = try requireGroup(parameters.required("id"))
                let member = try Self.referencedId(try request.jsonBody())
                guard directoryObjectJSON(member, types: ["user", "serviceprincipal", "group"], baseURL: request.baseURL) != nil else {
                    throw ARMError.graphResourceNotFound(member)
                }
                if group.members.contains(member) { throw ARMError.graphMemberExists }
                do { try directory.addMember(member, toGroup: group.objectId) } catch { throw ARMError.graphMemberExists }
                return ARMResponse(status: 204)
            },
            Route("DELETE", "/v1.0/groups/{id}/members/{memberId}/$ref", operationID: "Graph_RemoveGroupMember", action: nil) {
                request, parameters in
                try requireDirectoryWriter(request)
                let group = try requireGroup(parameters.required("id"))
                let member = parameters.required("memberId")
                do { try directory.removeMember(member, fromGroup: group.objectId) } catch { throw ARMError.graphResourceNotFound(member) }
                return ARMResponse(status: 204)
            },
            Route("GET", "/v1.0/groups/{id}/owners", operationID: "Graph_ListGroupOwners", action: nil) { request, parameters in
                _ = try requireGroup(parameters.required("id"))
                return collection([], type: "directoryObjects", baseURL: request.baseURL)
            },
            Route("POST", "/v1.0/groups/{id}/getMemberGroups", operationID: "Graph_GetGroupMemberGroups", action: nil) {
                request, parameters in
                let group = try requireGroup(parameters.required("id"))
                return memberGroups(of: group.objectId, request)
            },
        ]
    }

    func requireGroup(_ id: String) throws -> Group {
        guard let group = directory.group(objectId: id) else { throw ARMError.graphResourceNotFound(id) }
        return group
    }

    /// `{displayName, mailNickname, mailEnabled, securityEnabled, description?}`: 201 with the group.
    func createGroup(_ request: ARMRequest) throws -> ARMResponse {
        try requireDirectoryWriter(request)
        let body = try request.jsonBody()
        for property in ["displayName", "mailNickname"] where (body[property]?.stringValue ?? "").isEmpty {
            throw ARMError.graphMissingProperty(property)
        }
        if body["mailEnabled"]?.boolValue == true {
            throw ARMError.graphBadRequest("Only security groups (mailEnabled false, securityEnabled true) can be created.")
        }
        do {
            let group = try directory.createGroup(
                displayName: body["displayName"]?.stringValue ?? "", mailNickname: body["mailNickname"]?.stringValue ?? "",
                description: body["description"]?.stringValue, securityEnabled: body["securityEnabled"]?.boolValue ?? true,
                tenantId: tenantId(request), now: now())
            return .created(single(Self.json(group), type: "groups", baseURL: request.baseURL))
        } catch {
            throw ARMError.graphBadRequest(error.message)
        }
    }

    /// `{"value": [group ids]}`: every group the object belongs to, transitively.
    func memberGroups(of id: String, _ request: ARMRequest) -> ARMResponse {
        .ok(
            .object(
                JSONObject([
                    ("@odata.context", .string(request.baseURL + "/v1.0/$metadata#Collection(Edm.String)")),
                    ("value", .array(directory.transitiveGroupIds(of: id).map(JSONValue.string))),
                ])))
    }
}
