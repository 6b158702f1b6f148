import ARMCore
import Foundation
import JSON

/// An account (`Microsoft.CognitiveServices/accounts`, the REST spec's `Account`), validated from
/// the body of a PUT (or a PATCH merged onto the stored account) and the account it replaces,
/// whose service-managed fields it keeps (docs/azure-behaviours.md "Accounts: the resource shape").
/// The checks run in the service's order; the one that reads the store (who else holds a custom
/// subdomain) is the provider's, called at its place.
struct Account {
    /// Read-only and service-managed properties a client may echo back: ignored on input
    /// (docs/azure-behaviours.md "Paging and deserialisation in the SDKs").
    static let serviceManagedProperties = [
        "provisioningState", "endpoint", "endpoints", "internalId", "dateCreated", "deletionDate", "scheduledPurgeDate", "restore",
        "capabilities", "isMigrated", "associatedProjects", "defaultProject", "privateEndpointConnections", "callRateLimit",
        "quotaLimit", "skuChangeInfo", "abusePenalty", "commitmentPlanAssociations",
    ]

    let body: JSONObject
    /// The keys and `location` as the client sent it.
    let privateState: JSONObject

    /// `subdomainOwner` names the account (live or soft-deleted) that holds a subdomain, if any.
    init(
        id: ResourceID, name: String, input: JSONObject, existing: StoredResource?, catalog: ModelCatalog,
        subdomainOwner: (String) -> ResourceID?, provisioningState: JSONValue, caller: Caller?, date: Date
    ) throws {
        let previous = existing?.body
        let kind = try Self.kind(input["kind"], previous: previous?["kind"]?.stringValue, catalog: catalog)
        let (locationText, region) = try Self.location(input, previous: previous?["location"]?.stringValue, catalog: catalog)
        let sku = try Self.sku(input["sku"] ?? previous?["sku"], kind: kind)
        let tags = try TagRules.validate(input.value(forKeyIgnoringCase: "tags"))
        let identity = try ManagedServiceIdentity.build(input["identity"], previous: previous?["identity"], tenantID: caller?.tenantId)
        let properties = try Self.properties(
            input["properties"]?.objectValue ?? JSONObject(), previous: previous?["properties"]?.objectValue ?? JSONObject(),
            kind: kind, id: id, subdomainOwner: subdomainOwner, provisioningState: provisioningState, date: date)
        var body = JSONObject([
            ("id", .string(id.description)),
            ("name", .string(name)),
            ("type", .string(CognitiveServicesProvider.accountType)),
            ("location", .string(region)),
            ("kind", .string(kind.kind)),
            ("sku", sku),
        ])
        if let identity { body["identity"] = identity }
        body["tags"] = .object(tags)
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: previous?["systemData"]))
        body["properties"] = .object(properties)
        self.body = body
        var privateState =
            existing?.privateState ?? ["key1": .string(AccountKey.generate(at: date)), "key2": .string(AccountKey.generate(at: date))]
        // The service stores `location` as sent (`SOUTHCENTRALUS` stays so, docs/accounts-and-deployments.md);
        // the body keeps the canonical region every other reader uses.
        privateState["location"] = .string(previous == nil ? locationText : existing?.privateState["location"]?.stringValue ?? region)
        self.privateState = privateState
    }

    /// A PATCH body merged onto the stored account, as a PUT body: tags replaced, `properties`
    /// merged (RFC 7396), `sku`, `identity` and `kind` taken when given
    /// (docs/azure-behaviours.md "Accounts: PATCH, soft delete, restore, purge").
    static func patched(_ existing: StoredResource, with input: JSONObject) -> JSONObject {
        var merged = existing.body
        if let kind = input["kind"] { merged["kind"] = kind }
        if let sku = input["sku"] { merged["sku"] = sku }
        if let identity = input["identity"] { merged["identity"] = identity }
        if let tags = input.value(forKeyIgnoringCase: "tags") { merged["tags"] = tags }
        var properties = existing.body["properties"]?.objectValue ?? JSONObject()
        if let patch = input["properties"]?.objectValue {
            var patch = patch
            for key in serviceManagedProperties { patch[key] = nil }
            properties.mergePatch(patch)
        }
        merged["properties"] = .object(properties)
        return merged
    }

    /// `kind` (required on create; on replace it may be left out, az sends it) known to the
    /// catalog; an existing account may only move between OpenAI and AIServices.
    static func kind(_ value: JSONValue?, previous: String?, catalog: ModelCatalog) throws -> ModelCatalog.AccountKind {
        guard let kind = value?.stringValue ?? previous, !kind.isEmpty else {
            throw ARMError.invalidResourceProperties("The 'kind' property is required to create an account.")
        }
        guard let kindInfo = catalog.accountKind(kind) else { throw ARMError.invalidApiSetId(kind: kind) }
        if let previous, previous.lowercased() != kindInfo.kind.lowercased() {
            let upgrade = Set([previous.lowercased(), kindInfo.kind.lowercased()]) == Set(["openai", "aiservices"])
            guard upgrade else {
                throw ARMError.invalidResourceProperties(
                    "Changing the account kind from '\(previous)' to '\(kindInfo.kind)' is not supported.")
            }
        }
        return kindInfo
    }

    /// `location` as sent and as the canonical region: required on create, offered by the catalog,
    /// and unchanged on replace.
    static func location(_ input: JSONObject, previous: String?, catalog: ModelCatalog) throws -> (sent: String, region: String) {
        let locationText = input.value(forKeyIgnoringCase: "location")?.stringValue ?? previous
        guard let locationText, !locationText.isEmpty else { throw ARMError.missingLocation }
        guard let region = AzureRegion.lookup(locationText)?.name, catalog.offers(region: region) else {
            throw ARMError.locationNotAvailableForResourceType(
                locationText, type: CognitiveServicesProvider.accountType, available: catalog.regions)
        }
        if let previous, previous != region {
            throw ARMError.invalidResourceProperties(
                "The location of an existing account cannot be changed from '\(previous)' to '\(region)'.")
        }
        return (locationText, region)
    }

    static func sku(_ value: JSONValue?, kind: ModelCatalog.AccountKind) throws -> JSONValue {
        guard let skuName = value?["name"]?.stringValue, !skuName.isEmpty else {
            throw ARMError.invalidResourceProperties("The 'sku' property with a 'name' is required to create an account.")
        }
        guard let canonical = kind.skus.first(where: { $0.lowercased() == skuName.lowercased() }) else {
            throw ARMError.specialFeatureOrQuotaIdRequired(sku: skuName, kind: kind.kind)
        }
        // Real responses carry only the name (docs/azure-behaviours.md "Accounts: the resource shape").
        return ["name": .string(canonical)]
    }

    /// The stored `properties`: the service's defaults, then what the client sent (service-managed
    /// keys ignored), checked; the service-managed ones kept from `previous` or made new.
    static func properties(
        _ input: JSONObject, previous: JSONObject, kind: ModelCatalog.AccountKind, id: ResourceID,
        subdomainOwner: (String) -> ResourceID?, provisioningState: JSONValue, date: Date
    ) throws -> JSONObject {
        var inputProperties = input
        for key in serviceManagedProperties { inputProperties[key] = nil }
        let subdomain = try customSubDomainName(
            inputProperties["customSubDomainName"], previous: previous["customSubDomainName"]?.stringValue, accountID: id,
            owner: subdomainOwner)
        var properties = JSONObject()
        properties["provisioningState"] = provisioningState
        properties["internalId"] = previous["internalId"] ?? .string(CognitiveServicesProvider.newHexKey())
        properties["dateCreated"] = previous["dateCreated"] ?? .string(ARMTimestamp.string(from: date))
        properties["capabilities"] = capabilities(kind: kind)
        properties["isMigrated"] = false
        if let subdomain { properties["customSubDomainName"] = .string(subdomain) }
        properties["publicNetworkAccess"] = "Enabled"
        properties["networkAcls"] = ["defaultAction": "Allow", "virtualNetworkRules": [], "ipRules": []]
        properties["disableLocalAuth"] = false
        properties["allowProjectManagement"] = false
        for (key, value) in inputProperties.pairs where key != "customSubDomainName" { properties[key] = value }
        try checkPropertyTypes(properties)
        properties["associatedProjects"] = previous["associatedProjects"] ?? []
        if let defaultProject = previous["defaultProject"] { properties["defaultProject"] = defaultProject }
        return properties
    }

    static func capabilities(kind: ModelCatalog.AccountKind) -> JSONValue {
        var names = ["VirtualNetworks", "CustomerManagedKey", "TrustedServices"]
        if kind.hostsDeployments { names += ["MaxFineTuneCount", "MaxRunningFineTuneCount", "RaiMonitor"] }
        if kind.hostsProjects { names += ["AllowProjectManagement"] }
        return .array(names.map { ["name": .string($0)] })
    }

    /// A DNS label: letters, digits and hyphens, 2-64 characters, alphanumeric at both ends;
    /// compared case-insensitively, unique across the emulator (accounts and soft-deleted ones),
    /// immutable once set.
    static func customSubDomainName(
        _ value: JSONValue?, previous: String?, accountID: ResourceID, owner: (String) -> ResourceID?
    ) throws -> String? {
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
        let isAlphanumeric = CognitiveServicesProvider.isASCIIAlphanumeric
        guard scalars.count >= 2, scalars.count <= 64, isAlphanumeric(scalars.first!), isAlphanumeric(scalars.last!),
            scalars.allSatisfy({ isAlphanumeric($0) || $0 == "-" })
        else { throw ARMError.invalidCustomSubDomainName(subdomain) }
        if let holder = owner(subdomain), holder != accountID { throw ARMError.customDomainInUse(subdomain) }
        return subdomain
    }
}
