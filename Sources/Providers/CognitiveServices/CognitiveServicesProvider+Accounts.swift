import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// Accounts (docs/azure-behaviours.md "Accounts: operations and status codes"): create-or-replace, PATCH, GET, lists, DELETE into soft
/// delete, restore with `restore: true`.
extension CognitiveServicesProvider {
    var accountRoutes: [Route] {
        let read = "Microsoft.CognitiveServices/accounts/read"
        let write = "Microsoft.CognitiveServices/accounts/write"
        return [
            Route("GET", Self.subscriptionPrefix + "/accounts", operationID: "Accounts_List", action: read) { request, parameters in
                try Pager(request: request).list(
                    store, under: .subscription(parameters.required("subscriptionId")), types: [Self.accountType],
                    render: { renderAccount($0, request: request) })
            }.filteringByReadAccess(),
            Route("GET", Self.resourceGroupPrefix + "/accounts", operationID: "Accounts_ListByResourceGroup", action: read) {
                request, parameters in
                let group = ResourceID.resourceGroup(
                    subscriptionID: parameters.required("subscriptionId"), name: parameters.required("resourceGroupName"))
                return try Pager(request: request).list(
                    store, under: group, types: [Self.accountType], render: { renderAccount($0, request: request) })
            }.filteringByReadAccess(),
            Route("PUT", Self.accountPattern, operationID: "Accounts_Create", action: write) { request, parameters in
                try createAccount(request, parameters)
            },
            Route("PATCH", Self.accountPattern, operationID: "Accounts_Update", action: write) { request, parameters in
                try updateAccount(request, parameters)
            },
            Route("GET", Self.accountPattern, operationID: "Accounts_Get", action: read) { request, parameters in
                return .ok(renderAccount(try store.require(request.resourceID), request: request))
            },
            Route("DELETE", Self.accountPattern, operationID: "Accounts_Delete", action: "Microsoft.CognitiveServices/accounts/delete") {
                request, parameters in try deleteAccount(request, parameters)
            },
        ]
    }

    /// The stored body with `endpoint`/`endpoints` for the origin of this request and `location`
    /// as the client sent it.
    func renderAccount(_ account: StoredResource, request: ARMRequest) -> JSONValue {
        Self.renderAccount(account.body, location: account.privateState["location"]?.stringValue, baseURL: request.baseURL)
    }

    static func renderAccount(_ body: JSONObject, location: String?, baseURL: String) -> JSONValue {
        var body = body
        var properties = body["properties"]?.objectValue ?? JSONObject()
        let kind = body["kind"]?.stringValue ?? ""
        let subdomain = properties["customSubDomainName"]?.stringValue
        let region = body["location"]?.stringValue ?? ""
        let endpoints = Endpoints(baseURL: baseURL, kind: kind, subdomain: subdomain, region: region)
        properties["endpoint"] = .string(endpoints.primary)
        properties["endpoints"] = .object(endpoints.all)
        body["properties"] = .object(properties)
        if let location, !location.isEmpty { body["location"] = .string(location) }
        return .object(body)
    }

    // MARK: PUT

    func createAccount(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let name = parameters.required("accountName")
        guard Self.isValidName(name, minimum: 2) else { throw ARMError.invalidAccountName }
        let input = try request.jsonBody()
        let date = now()
        let (write, restored) = try serializer.run { try putAccount(request, name: name, input: input, date: date) }
        let baseURL = request.baseURL
        let sentLocation = write.resource.privateState["location"]?.stringValue
        let headers =
            restored
            ? nil
            : finishProvisioning(request.resourceID, request: request, location: write.resource.body["location"]?.stringValue ?? "") {
                Self.renderAccount($0, location: sentLocation, baseURL: baseURL)
            }
        return ARMResponse(
            status: write.created ? 201 : 200, headers: headers ?? HTTPHeaders(), body: renderAccount(write.resource, request: request)
        )
    }

    /// A PUT under the serializer: brings back the soft-deleted account of this name (only with
    /// `restore: true`), or creates or replaces the account.
    func putAccount(_ request: ARMRequest, name: String, input: JSONObject, date: Date) throws -> (ResourceStore.Write, restored: Bool) {
        let id = request.resourceID
        let restore = (input["properties"]?.objectValue ?? JSONObject())["restore"]?.boolValue == true
        let existing = store.get(id)
        if existing == nil, let deleted = findDeletedAccount(id) {
            guard restore else { throw ARMError.flagMustBeSetForRestore(id: id.description) }
            let body = try Account.restoredBody(deleted.body, id: id, input: input, caller: request.caller, date: date)
            return (try restoreAccount(deleted, as: id, body: body), true)
        }
        if existing == nil && restore {
            throw ARMError.deletedAccountNotFound(name, resourceGroup: id.resourceGroup ?? "")
        }
        let account = try validatedAccount(id: id, name: name, input: input, existing: existing, request: request, date: date)
        return (try store.put(id, body: account.body, privateState: account.privateState, precondition: request.precondition), false)
    }

    /// The account `input` describes (PUT replaces; service-managed fields of `existing` are kept).
    /// Runs under the serializer, so a custom subdomain is checked and taken in one step.
    func validatedAccount(
        id: ResourceID, name: String, input: JSONObject, existing: StoredResource?, request: ARMRequest, date: Date
    ) throws -> Account {
        try Account(
            id: id, name: name, input: input, existing: existing, catalog: catalog, subdomainOwner: { subdomainOwner($0) },
            provisioningState: initialProvisioningState, caller: request.caller, date: date)
    }

    /// The account (live or soft-deleted) holding a subdomain, anywhere in the emulator.
    func subdomainOwner(_ subdomain: String) -> ResourceID? {
        let lowered = subdomain.lowercased()
        let holders = store.all(under: nil, types: [Self.accountType, Self.deletedAccountType])
        return holders.first { $0.body["properties"]?["customSubDomainName"]?.stringValue?.lowercased() == lowered }?.id
    }

    // MARK: PATCH

    /// Tags are replaced, `properties` merged (RFC 7396), `sku`, `identity` and an
    /// OpenAI <-> AIServices `kind` change accepted (docs/azure-behaviours.md "Accounts: PATCH, soft delete, restore, purge"). Answers 200.
    func updateAccount(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let input = try request.jsonBody()
        let id = request.resourceID
        let date = now()
        let updated = try serializer.run { () throws -> StoredResource in
            let existing = try store.require(id)
            let account = try validatedAccount(
                id: id, name: existing.body["name"]?.stringValue ?? id.name, input: Account.patched(existing, with: input),
                existing: existing, request: request, date: date)
            return try store.updateResource(id, precondition: request.precondition) { resource in
                resource.body = account.body
                // A PATCH does not restart provisioning.
                resource.body["properties"]?["provisioningState"] = existing.body["properties"]?["provisioningState"] ?? "Succeeded"
            }
        }
        return .ok(renderAccount(updated, request: request))
    }

    // MARK: DELETE and soft delete

    /// Soft delete (docs/azure-behaviours.md "Accounts: PATCH, soft delete, restore, purge"): the account moves to `deletedAccounts` with
    /// `deletionDate` and `scheduledPurgeDate` (+48 h); its children go and their quota is returned. 200, 204 when
    /// absent; 202 + polling headers with `--provisioning-delay`.
    func deleteAccount(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let id = request.resourceID
        guard let account = store.get(id) else { return .noContent }
        try request.precondition?.check(account)
        let location = account.body["location"]?.stringValue ?? ""
        if operations.isSynchronous {
            try softDelete(id)
            return ARMResponse(status: 200)
        }
        _ = try? store.update(id) { body in body["properties"]?["provisioningState"] = "Deleting" }
        let handle = operations.begin(for: request, namespace: Self.namespace, location: location, kind: .delete, resourceID: id) {
            try softDelete(id)
        }
        return ARMResponse(status: 202, headers: operations.headers(for: handle))
    }

    func softDelete(_ id: ResourceID) throws {
        let date = now()
        try serializer.run {
            let removed = store.removeAll(under: id)
            guard let account = removed.first(where: { $0.id == id }) else { return }
            try keepAsDeleted(account, at: date)
        }
    }

    /// Stores a removed account as a `deletedAccounts` resource (kept 48 hours, restorable with
    /// `restore: true`, purgeable). Call under `serializer`.
    func keepAsDeleted(_ account: StoredResource, at date: Date) throws {
        let id = account.id
        let deletedID = Self.deletedAccountID(
            subscriptionID: id.subscriptionID ?? "", location: account.body["location"]?.stringValue ?? "",
            resourceGroup: id.resourceGroup ?? "", name: id.name)
        try store.put(deletedID, body: Account.deletedBody(account.body, id: deletedID, at: date), privateState: account.privateState)
    }

    static func deletedAccountID(subscriptionID: String, location: String, resourceGroup: String, name: String) -> ResourceID {
        ResourceID(
            subscriptionID: subscriptionID, resourceGroup: nil,
            providers: [
                .init(
                    namespace: namespace, types: ["locations", "resourceGroups", "deletedAccounts"], names: [location, resourceGroup, name])
            ])
    }

    /// The soft-deleted account with this account's subscription, group and name, in any region.
    func findDeletedAccount(_ id: ResourceID) -> StoredResource? {
        let subscription = ResourceID.subscription(id.subscriptionID ?? "")
        return store.all(under: subscription, types: [Self.deletedAccountType]).first { deleted in
            deleted.id.names.count == 3 && deleted.id.names[1].lowercased() == (id.resourceGroup ?? "").lowercased()
                && deleted.id.names[2].lowercased() == id.name.lowercased()
        }
    }

    /// The saved account back under `id` with `body` (`Account.restoredBody`), keys included, and
    /// no longer soft-deleted. Runs under the serializer.
    func restoreAccount(_ deleted: StoredResource, as id: ResourceID, body: JSONObject) throws -> ResourceStore.Write {
        let write = try store.put(id, body: body, privateState: deleted.privateState)
        try store.delete(deleted.id)
        return write
    }
}
