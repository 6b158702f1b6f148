import ARMCore
import Foundation

/// Strict decoding of the seed file: unknown keys are rejected (except `_comment`-style keys) and
/// decoding errors are turned into `field.path: problem` messages.
extension DirectorySeed {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            self.stringValue = String(intValue)
            self.intValue = intValue
        }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case tenants, subscriptions, servicePrincipals, users, managedIdentities, roleAssignments
        /// Read by the CognitiveServices provider (`QuotaLimits`), not by the directory.
        case quotas
    }

    package init(from decoder: any Decoder) throws {
        try DirectorySeed.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tenants = try container.decodeIfPresent([TenantEntry].self, forKey: .tenants) ?? []
        subscriptions = try container.decodeIfPresent([SubscriptionEntry].self, forKey: .subscriptions) ?? []
        servicePrincipals = try container.decodeIfPresent([ServicePrincipalEntry].self, forKey: .servicePrincipals) ?? []
        users = try container.decodeIfPresent([UserEntry].self, forKey: .users) ?? []
        managedIdentities = try container.decodeIfPresent([ManagedIdentityEntry].self, forKey: .managedIdentities) ?? []
        roleAssignments = try container.decodeIfPresent([SeedJSON].self, forKey: .roleAssignments)?.map(\.value) ?? []
    }

    /// Throws `DirectoryError` naming the first key of the object being decoded that is not in `allowed`.
    static func rejectUnknownKeys(in decoder: any Decoder, allowed: [String]) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            if key.stringValue.hasPrefix("_") || key.stringValue.hasPrefix("$") { continue }
            let path = describe(path: decoder.codingPath + [key])
            throw DirectoryError(
                "Invalid seed file: \(path): unknown field (expected one of \(allowed.joined(separator: ", ")))")
        }
    }

    static func describe(path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "(document)" : text
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\(describe(path: context.codingPath + [key])): required field is missing"
        case .typeMismatch(let type, let context):
            return "\(describe(path: context.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(describe(path: context.codingPath)): expected \(typeName(type)), found null"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            return "\(describe(path: context.codingPath)): \(context.debugDescription)\(underlying)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "\(type)"
        }
    }
}

extension DirectorySeed.TenantEntry {
    private enum CodingKeys: String, CodingKey, CaseIterable { case tenantId, displayName, defaultDomain }

    package init(from decoder: any Decoder) throws {
        try DirectorySeed.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tenantId = try container.decodeIfPresent(String.self, forKey: .tenantId)
        displayName = try container.decode(String.self, forKey: .displayName)
        defaultDomain = try container.decodeIfPresent(String.self, forKey: .defaultDomain)
    }
}

extension DirectorySeed.SubscriptionEntry {
    private enum CodingKeys: String, CodingKey, CaseIterable { case subscriptionId, tenantId, displayName, state }

    package init(from decoder: any Decoder) throws {
        try DirectorySeed.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subscriptionId = try container.decodeIfPresent(String.self, forKey: .subscriptionId)
        tenantId = try container.decodeIfPresent(String.self, forKey: .tenantId)
        displayName = try container.decode(String.self, forKey: .displayName)
        state = try container.decodeIfPresent(String.self, forKey: .state)
    }
}

extension DirectorySeed.ServicePrincipalEntry {
    private enum CodingKeys: String, CodingKey, CaseIterable { case displayName, clientId, clientSecret, objectId, tenantId }

    package init(from decoder: any Decoder) throws {
        try DirectorySeed.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        displayName = try container.decode(String.self, forKey: .displayName)
        clientId = try container.decodeIfPresent(String.self, forKey: .clientId)
        clientSecret = try container.decodeIfPresent(String.self, forKey: .clientSecret)
        objectId = try container.decodeIfPresent(String.self, forKey: .objectId)
        tenantId = try container.decodeIfPresent(String.self, forKey: .tenantId)
    }
}

extension DirectorySeed.UserEntry {
    private enum CodingKeys: String, CodingKey, CaseIterable { case userPrincipalName, password, objectId, displayName, tenantId }

    package init(from decoder: any Decoder) throws {
        try DirectorySeed.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        userPrincipalName = try container.decode(String.self, forKey: .userPrincipalName)
        password = try container.decode(String.self, forKey: .password)
        objectId = try container.decodeIfPresent(String.self, forKey: .objectId)
        displayName = try container.decodeIfPresent(String.self, forKey: .displayName)
        tenantId = try container.decodeIfPresent(String.self, forKey: .tenantId)
    }
}

extension DirectorySeed.ManagedIdentityEntry {
    private enum CodingKeys: String, CodingKey, CaseIterable { case displayName, clientId, objectId, resourceId, tenantId }

    package init(from decoder: any Decoder) throws {
        try DirectorySeed.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        displayName = try container.decode(String.self, forKey: .displayName)
        clientId = try container.decodeIfPresent(String.self, forKey: .clientId)
        objectId = try container.decodeIfPresent(String.self, forKey: .objectId)
        resourceId = try container.decodeIfPresent(String.self, forKey: .resourceId)
        tenantId = try container.decodeIfPresent(String.self, forKey: .tenantId)
    }
}
