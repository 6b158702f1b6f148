import ARMCore
import JSON

/// The built-in role definitions, kept as data in `BuiltInRoles.json` (embedded in the binary with
/// SwiftPM's `embedInCode`, so the product stays one file).
package struct RoleCatalog: Sendable {
    package let builtIns: [RoleDefinition]
    private let byName: [String: RoleDefinition]

    package init(builtIns: [RoleDefinition]) {
        self.builtIns = builtIns
        var byName: [String: RoleDefinition] = [:]
        for role in builtIns { byName[role.name] = role }
        self.byName = byName
    }

    /// The catalog shipped with the emulator.
    package static let standard: RoleCatalog = {
        // The JSON is part of the source tree and covered by tests: failing here is a build defect.
        let document = try! JSONParser.parse(PackageResources.BuiltInRoles_json)
        let roles = (document["roles"]?.arrayValue ?? []).map { entry -> RoleDefinition in
            RoleDefinition(
                name: entry["name"]?.stringValue ?? "", roleName: entry["roleName"]?.stringValue ?? "",
                description: entry["description"]?.stringValue ?? "", type: "BuiltInRole",
                permissions: (entry["permissions"]?.arrayValue ?? []).map { try! Permission(json: $0) },
                assignableScopes: ["/"])
        }
        return RoleCatalog(builtIns: roles)
    }()

    /// A built-in by GUID, case-insensitively.
    package func builtIn(guid: String) -> RoleDefinition? { byName[guid.lowercased()] }

    /// A built-in by its `roleName`, case-insensitively (`$filter=roleName eq '...'`).
    package func builtIn(roleName: String) -> RoleDefinition? {
        let wanted = roleName.lowercased()
        return builtIns.first { $0.roleName.lowercased() == wanted }
    }

    package static let ownerGUID = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
}
