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
        let id = request.resourceID
        let inputProperties = input["properties"]?.objectValue ?? JSONObject()
        let restore = inputProperties["restore"]?.boolValue == true
        let caller = request.caller
        let date = now()

        let (write, restored) = try serializer.run { () throws -> (ResourceStore.Write, Bool) in
            let existing = store.get(id)
            let deleted = existing == nil ? findDeletedAccount(id) : nil
            if let deleted {
                guard restore else { throw ARMError.flagMustBeSetForRestore(id: id.description) }
                return (try restoreAccount(deleted, as: id, input: input, caller: caller, date: date), true)
            }
            if existing == nil && restore {
                throw ARMError.deletedAccountNotFound(name, resourceGroup: parameters.required("resourceGroupName"))
            }
            let (body, privateState) = try buildAccount(
                id: id, name: name, input: input, existing: existing, caller: caller, date: date, request: request)
            return (try store.put(id, body: body, privateState: privateState, precondition: request.precondition), false)
        }
        let location = write.resource.body["location"]?.stringValue ?? ""
        let baseURL = request.baseURL
        let sentLocation = write.resource.privateState["location"]?.stringValue
        let headers =
            restored
            ? nil
            : finishProvisioning(id, request: request, location: location) {
                Self.renderAccount($0, location: sentLocation, baseURL: baseURL)
            }
        return ARMResponse(
            status: write.created ? 201 : 200, headers: headers ?? HTTPHeaders(), body: renderAccount(write.resource, request: request)
        )
    }

    /// Validates a PUT body and builds the stored account (PUT replaces; service-managed fields of
    /// `existing` are kept).
    func buildAccount(
        id: ResourceID, name: String, input: JSONObject, existing: StoredResource?, caller: Caller?, date: Date, request: ARMRequest
    ) throws -> (JSONObject, JSONObject) {
        let previous = existing?.body
        let previousProperties = previous?["properties"]?.objectValue ?? JSONObject()
        // kind, sku and location are required on create; on replace they may be left out (az sends them).
        guard let kind = input["kind"]?.stringValue ?? previous?["kind"]?.stringValue, !kind.isEmpty else {
            throw ARMError.invalidResourceProperties("The 'kind' property is required to create an account.")
        }
        guard let kindInfo = catalog.accountKind(kind) else { throw ARMError.invalidApiSetId(kind: kind) }
        if let previousKind = previous?["kind"]?.stringValue, previousKind.lowercased() != kindInfo.kind.lowercased() {
            let upgrade = Set([previousKind.lowercased(), kindInfo.kind.lowercased()]) == Set(["openai", "aiservices"])
            guard upgrade else {
                throw ARMError.invalidResourceProperties(
                    "Changing the account kind from '\(previousKind)' to '\(kindInfo.kind)' is not supported.")
            }
        }
        let locationText = input.value(forKeyIgnoringCase: "location")?.stringValue ?? previous?["location"]?.stringValue
        guard let locationText, !locationText.isEmpty else { throw ARMError.missingLocation }
        guard let region = AzureRegion.lookup(locationText)?.name, catalog.offers(region: region) else {
            throw ARMError.locationNotAvailableForResourceType(locationText, type: Self.accountType, available: catalog.regions)
        }
        if let previousLocation = previous?["location"]?.stringValue, previousLocation != region {
            throw ARMError.invalidResourceProperties(
                "The location of an existing account cannot be changed from '\(previousLocation)' to '\(region)'.")
        }
        let sku = try validateAccountSku(input["sku"] ?? previous?["sku"], kind: kindInfo)
        let tags = try TagRules.validate(input.value(forKeyIgnoringCase: "tags"))
        let identity = try Self.buildIdentity(input["identity"], previous: previous?["identity"], tenantID: caller?.tenantId)

        var inputProperties = input["properties"]?.objectValue ?? JSONObject()
        // Read-only and service-managed properties a client may echo back are ignored (docs/azure-behaviours.md "Paging and deserialisation
        // in the SDKs").
        for key in Self.serviceManagedAccountProperties { inputProperties[key] = nil }
        let subdomain = try validateSubdomain(
            inputProperties["customSubDomainName"], previous: previousProperties["customSubDomainName"]?.stringValue, accountID: id)

        var properties = JSONObject()
        properties["provisioningState"] = initialProvisioningState
        properties["internalId"] = previousProperties["internalId"] ?? .string(Self.newHexKey())
        properties["dateCreated"] = previousProperties["dateCreated"] ?? .string(ARMTimestamp.string(from: date))
        properties["capabilities"] = Self.accountCapabilities(kind: kindInfo)
        properties["isMigrated"] = false
        if let subdomain { properties["customSubDomainName"] = .string(subdomain) }
        properties["publicNetworkAccess"] = "Enabled"
        properties["networkAcls"] = ["defaultAction": "Allow", "virtualNetworkRules": [], "ipRules": []]
        properties["disableLocalAuth"] = false
        properties["allowProjectManagement"] = false
        for (key, value) in inputProperties.pairs where key != "customSubDomainName" { properties[key] = value }
        try Self.checkAccountPropertyTypes(properties)
        properties["associatedProjects"] = previousProperties["associatedProjects"] ?? []
        if let defaultProject = previousProperties["defaultProject"] { properties["defaultProject"] = defaultProject }

        var body = JSONObject([
            ("id", .string(id.description)),
            ("name", .string(name)),
            ("type", .string(Self.accountType)),
            ("location", .string(region)),
            ("kind", .string(kindInfo.kind)),
            ("sku", sku),
        ])
        if let identity { body["identity"] = identity }
        body["tags"] = .object(tags)
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: previous?["systemData"]))
        body["properties"] = .object(properties)
        var privateState =
            existing?.privateState ?? ["key1": .string(AccountKey.generate(at: date)), "key2": .string(AccountKey.generate(at: date))]
        // The service stores `location` as sent (`SOUTHCENTRALUS` stays so, docs/accounts-and-deployments.md);
        // the body keeps the canonical region every other reader uses.
        privateState["location"] = .string(previous == nil ? locationText : existing?.privateState["location"]?.stringValue ?? region)
        return (body, privateState)
    }

    static let serviceManagedAccountProperties = [
        "provisioningState", "endpoint", "endpoints", "internalId", "dateCreated", "deletionDate", "scheduledPurgeDate", "restore",
        "capabilities", "isMigrated", "associatedProjects", "defaultProject", "privateEndpointConnections", "callRateLimit",
        "quotaLimit", "skuChangeInfo", "abusePenalty", "commitmentPlanAssociations",
    ]

    /// Types the SDKs rely on; a wrong type is a 400, never a stored oddity.
    static func checkAccountPropertyTypes(_ properties: JSONObject) throws {
        for key in ["disableLocalAuth", "allowProjectManagement", "restrictOutboundNetworkAccess", "dynamicThrottlingEnabled"] {
            if let value = properties[key], value.boolValue == nil {
                throw ARMError.invalidResourceProperties("The property '\(key)' must be a boolean.")
            }
        }
        if let access = properties["publicNetworkAccess"] {
            guard let text = access.stringValue, ["enabled", "disabled"].contains(text.lowercased()) else {
                throw ARMError.invalidResourceProperties("The property 'publicNetworkAccess' must be 'Enabled' or 'Disabled'.")
            }
        }
        if let acls = properties["networkAcls"], acls.objectValue == nil {
            throw ARMError.invalidResourceProperties("The property 'networkAcls' must be an object.")
        }
        try checkNetworkAcls(properties["networkAcls"])
        try checkEncryption(properties["encryption"])
        try checkUserOwnedStorage(properties["userOwnedStorage"])
    }

    func validateAccountSku(_ value: JSONValue?, kind: ModelCatalog.AccountKind) throws -> JSONValue {
        guard let skuName = value?["name"]?.stringValue, !skuName.isEmpty else {
            throw ARMError.invalidResourceProperties("The 'sku' property with a 'name' is required to create an account.")
        }
        guard let canonical = kind.skus.first(where: { $0.lowercased() == skuName.lowercased() }) else {
            throw ARMError.specialFeatureOrQuotaIdRequired(sku: skuName, kind: kind.kind)
        }
        // Real responses carry only the name (docs/azure-behaviours.md "Accounts: the resource shape").
        return ["name": .string(canonical)]
    }

    static func accountCapabilities(kind: ModelCatalog.AccountKind) -> JSONValue {
        var names = ["VirtualNetworks", "CustomerManagedKey", "TrustedServices"]
        if kind.hostsDeployments { names += ["MaxFineTuneCount", "MaxRunningFineTuneCount", "RaiMonitor"] }
        if kind.hostsProjects { names += ["AllowProjectManagement"] }
        return .array(names.map { ["name": .string($0)] })
    }

    /// `identity`: None | SystemAssigned | UserAssigned | "SystemAssigned, UserAssigned"; the
    /// service fills `principalId`/`tenantId` (kept across updates) and each user-assigned
    /// identity's `principalId`/`clientId`.
    static func buildIdentity(_ value: JSONValue?, previous: JSONValue?, tenantID: String?) throws -> JSONValue? {
        guard let value, value != .null else { return previous }
        guard let type = value["type"]?.stringValue else {
            throw ARMError.invalidResourceProperties("The identity 'type' is required.")
        }
        let normalized = type.lowercased().replacingOccurrences(of: " ", with: "")
        let canonical: String
        switch normalized {
        case "none": return ["type": "None"]
        case "systemassigned": canonical = "SystemAssigned"
        case "userassigned": canonical = "UserAssigned"
        case "systemassigned,userassigned": canonical = "SystemAssigned, UserAssigned"
        default:
            throw ARMError.invalidResourceProperties(
                "The identity type '\(type)' is invalid. Valid values are 'None', 'SystemAssigned', 'UserAssigned' and "
                    + "'SystemAssigned, UserAssigned'.")
        }
        var identity: JSONObject = ["type": .string(canonical)]
        if canonical.hasPrefix("SystemAssigned") {
            identity["principalId"] = previous?["principalId"] ?? .string(newGUID())
            identity["tenantId"] = previous?["tenantId"] ?? .string(tenantID ?? "")
        }
        if canonical.hasSuffix("UserAssigned") {
            let requested = value["userAssignedIdentities"]?.objectValue ?? JSONObject()
            var assigned = JSONObject()
            for (resourceID, _) in requested.pairs {
                let old = previous?["userAssignedIdentities"]?[resourceID]
                assigned[resourceID] = [
                    "principalId": old?["principalId"] ?? .string(newGUID()), "clientId": old?["clientId"] ?? .string(newGUID()),
                ]
            }
            identity["userAssignedIdentities"] = .object(assigned)
        }
        return .object(identity)
    }

    // MARK: custom subdomains

    /// A DNS label: letters, digits and hyphens, 2-64 characters, alphanumeric at both ends;
    /// compared case-insensitively, unique across the emulator (accounts and soft-deleted ones),
    /// immutable once set. Runs under the write serializer.
    func validateSubdomain(_ value: JSONValue?, previous: String?, accountID: ResourceID) throws -> String? {
        guard let value, value != .null else { return previous }
        guard let subdomain = value.stringValue else {
            throw ARMError.invalidResourceProperties("The property 'customSubDomainName' must be a string.")
        }
        if let previous {
            guard previous.lowercased() == subdomain.lowercased() else {
                throw ARMError.customSubDomainNameImmutable(existing: previous)
            }
            return previous
        }
        let scalars = Array(subdomain.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 64, Self.isASCIIAlphanumeric(scalars.first!),
            Self.isASCIIAlphanumeric(scalars.last!), scalars.allSatisfy({ Self.isASCIIAlphanumeric($0) || $0 == "-" })
        else { throw ARMError.invalidCustomSubDomainName(subdomain) }
        if let owner = subdomainOwner(subdomain), owner != accountID { throw ARMError.customDomainInUse(subdomain) }
        return subdomain
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
        let caller = request.caller
        let date = now()
        let updated = try serializer.run { () throws -> StoredResource in
            let existing = try store.require(id)
            var merged = existing.body
            if let kind = input["kind"] { merged["kind"] = kind }
            if let sku = input["sku"] { merged["sku"] = sku }
            if let identity = input["identity"] { merged["identity"] = identity }
            if let tags = input.value(forKeyIgnoringCase: "tags") { merged["tags"] = tags }
            var properties = existing.body["properties"]?.objectValue ?? JSONObject()
            if let patch = input["properties"]?.objectValue {
                var patch = patch
                for key in Self.serviceManagedAccountProperties { patch[key] = nil }
                properties.mergePatch(patch)
            }
            merged["properties"] = .object(properties)
            var (body, _) = try buildAccount(
                id: id, name: existing.body["name"]?.stringValue ?? id.name, input: merged, existing: existing, caller: caller,
                date: date, request: request)
            // A PATCH does not restart provisioning.
            body["properties"]?["provisioningState"] = existing.body["properties"]?["provisioningState"] ?? "Succeeded"
            return try store.updateResource(id, precondition: request.precondition) { resource in resource.body = body }
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
        let location = account.body["location"]?.stringValue ?? ""
        let deletedID = Self.deletedAccountID(
            subscriptionID: id.subscriptionID ?? "", location: location, resourceGroup: id.resourceGroup ?? "", name: id.name)
        var body = account.body
        body["id"] = .string(deletedID.description)
        body["type"] = .string(Self.deletedAccountType)
        var properties = body["properties"]?.objectValue ?? JSONObject()
        properties["provisioningState"] = "Succeeded"
        properties["deletionDate"] = .string(ARMTimestamp.string(from: date))
        properties["scheduledPurgeDate"] = .string(ARMTimestamp.string(from: date.addingTimeInterval(48 * 3600)))
        properties["associatedProjects"] = []
        properties["defaultProject"] = nil
        body["properties"] = .object(properties)
        try store.put(deletedID, body: body, privateState: account.privateState)
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

    /// `PUT {location, properties:{restore:true}}` (what `az … account recover` sends, no kind or
    /// sku): the saved account comes back as it was, keys included. Runs under the serializer.
    func restoreAccount(
        _ deleted: StoredResource, as id: ResourceID, input: JSONObject, caller: Caller?, date: Date
    ) throws
        -> ResourceStore.Write
    {
        var body = deleted.body
        body["id"] = .string(id.description)
        body["name"] = .string(id.name)
        body["type"] = .string(Self.accountType)
        var properties = body["properties"]?.objectValue ?? JSONObject()
        properties["deletionDate"] = nil
        properties["scheduledPurgeDate"] = nil
        properties["provisioningState"] = "Succeeded"
        body["properties"] = .object(properties)
        if let tags = input.value(forKeyIgnoringCase: "tags"), tags != .null { body["tags"] = .object(try TagRules.validate(tags)) }
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: body["systemData"]))
        let write = try store.put(id, body: body, privateState: deleted.privateState)
        try store.delete(deleted.id)
        return write
    }
}
