import ARMCore
import Foundation
import JSON

/// Resource, scope and deployment functions (learn.microsoft.com "Resource functions",
/// "Scope functions", "Deployment functions", uniqueString/guid/newGuid/utcNow).
extension TemplateEvaluator {
    func contextFunction(_ name: String, _ values: [JSONValue]) throws -> JSONValue? {
        switch name {
        case "resourceid":
            return .string(try resourceID(values))
        case "subscriptionresourceid":
            try Self.arity(name, values, 2, nil)
            let strings = try Self.strings(name, values)
            let typeIndex = strings.firstIndex { $0.contains("/") } ?? 0
            let subscription = typeIndex > 0 ? strings[0] : context.subscriptionID
            return .string(try Self.buildID(prefix: "/subscriptions/\(subscription)", strings[typeIndex...], function: name))
        case "tenantresourceid":
            try Self.arity(name, values, 2, nil)
            return .string(try Self.buildID(prefix: "", try Self.strings(name, values)[...], function: name))
        case "extensionresourceid":
            try Self.arity(name, values, 3, nil)
            let strings = try Self.strings(name, values)
            return .string(try Self.buildID(prefix: strings[0], strings[1...], function: name))
        case "resourcegroup":
            try Self.arity(name, values, 0, 0)
            return [
                "id": .string(context.resourceGroupID), "name": .string(context.resourceGroupName),
                "type": "Microsoft.Resources/resourceGroups", "location": .string(context.resourceGroupLocation),
                "tags": .object(context.resourceGroupTags), "properties": ["provisioningState": "Succeeded"],
            ]
        case "subscription":
            try Self.arity(name, values, 0, 0)
            return [
                "id": .string(context.subscriptionResourceID), "subscriptionId": .string(context.subscriptionID),
                "tenantId": .string(context.tenantID), "displayName": .string(context.subscriptionDisplayName),
            ]
        case "tenant":
            try Self.arity(name, values, 0, 0)
            return ["id": .string("/tenants/\(context.tenantID)"), "tenantId": .string(context.tenantID), "countryCode": "US"]
        case "deployment":
            try Self.arity(name, values, 0, 0)
            var templateInfo = JSONObject()
            templateInfo["contentVersion"] = template["contentVersion"] ?? "1.0.0.0"
            if let metadata = template["metadata"] { templateInfo["metadata"] = metadata }
            return [
                "name": .string(context.deploymentName),
                "properties": [
                    "template": .object(templateInfo), "templateHash": .string(templateHash), "mode": "Incremental",
                    "provisioningState": "Accepted",
                ],
            ]
        case "environment":
            try Self.arity(name, values, 0, 0)
            return ["name": "AzureCloud", "suffixes": ["storage": "core.windows.net", "keyvaultDns": ".vault.azure.net"]]
        case "uniquestring":
            try Self.arity(name, values, 1, nil)
            return .string(UniqueString.make(try Self.strings(name, values)))
        case "guid":
            try Self.arity(name, values, 1, nil)
            return .string(NameBasedUUID.make(try Self.strings(name, values)))
        case "newguid":
            try Self.arity(name, values, 0, 0)
            return .string(context.newGUID())
        case "utcnow":
            try Self.arity(name, values, 0, 1)
            return .string(Self.utcNow(context.now, format: values.first?.stringValue ?? "yyyyMMddTHHmmssZ"))
        default:
            return nil
        }
    }

    /// `templateHash`: ARM's hash of the template; here uniqueString's MurmurHash64 of the compact
    /// template text, printed in decimal as ARM prints it.
    package var templateHash: String { String(UniqueString.murmurHash64(Array(JSONValue.object(template).compactString.utf8))) }

    /// `resourceId([subscriptionId], [resourceGroupName], resourceType, name1, …)`: the type is the
    /// first argument containing `/`; what precedes it names the subscription and group.
    func resourceID(_ values: [JSONValue]) throws -> String {
        try Self.arity("resourceId", values, 2, nil)
        let strings = try Self.strings("resourceId", values)
        guard let typeIndex = strings.firstIndex(where: { $0.contains("/") }), typeIndex <= 2 else {
            throw TemplateError.function(
                "resourceId", "the resource type must contain a namespace and a type, e.g. 'Microsoft.Storage/storageAccounts'")
        }
        let subscription = typeIndex == 2 ? strings[0] : context.subscriptionID
        let group = typeIndex >= 1 ? strings[typeIndex - 1] : context.resourceGroupName
        return try Self.buildID(
            prefix: "/subscriptions/\(subscription)/resourceGroups/\(group)", strings[typeIndex...], function: "resourceId")
    }

    /// `{prefix}/providers/{ns}/{t1}/{n1}/{t2}/{n2}…` from `["ns/t1/t2", "n1", "n2"]`; names may also
    /// be given as one `"n1/n2"`.
    static func buildID(prefix: String, _ parts: ArraySlice<String>, function: String) throws -> String {
        guard let type = parts.first else { throw TemplateError.function(function, "the resource type is missing") }
        let typeSegments = type.split(separator: "/").map(String.init)
        let names = parts.dropFirst().flatMap { $0.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
        guard typeSegments.count >= 2, names.count == typeSegments.count - 1 else {
            throw TemplateError.function(
                function,
                "the type '\(type)' requires \(max(typeSegments.count - 1, 1)) resource name argument(s) but \(names.count) were given")
        }
        var id = prefix + "/providers/" + typeSegments[0]
        for (segment, name) in zip(typeSegments.dropFirst(), names) { id += "/\(segment)/\(name)" }
        return id
    }

    /// .NET custom date format subset used with utcNow: yyyy, MM, dd, HH, mm, ss, fff…, T/Z literals, `u` and `d` standard forms.
    static func utcNow(_ date: Date, format: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        func pad(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        switch format {
        case "u":
            return "\(pad(c.year!, 4))-\(pad(c.month!, 2))-\(pad(c.day!, 2)) \(pad(c.hour!, 2)):\(pad(c.minute!, 2)):\(pad(c.second!, 2))Z"
        case "d": return "\(c.month!)/\(c.day!)/\(pad(c.year!, 4))"
        default: break
        }
        let tokens: [(String, String)] = [
            ("yyyy", pad(c.year!, 4)), ("MM", pad(c.month!, 2)), ("dd", pad(c.day!, 2)), ("HH", pad(c.hour!, 2)),
            ("mm", pad(c.minute!, 2)), ("ss", pad(c.second!, 2)), ("fffffff", pad(c.nanosecond! / 100, 7)),
            ("fff", pad(c.nanosecond! / 1_000_000, 3)), ("yy", pad(c.year! % 100, 2)),
        ]
        var result = ""
        var rest = Substring(format)
        outer: while !rest.isEmpty {
            for (token, value) in tokens where rest.hasPrefix(token) {
                result += value
                rest = rest.dropFirst(token.count)
                continue outer
            }
            result.append(rest.removeFirst())
        }
        return result
    }
}
