import ARMCore
import JSON

/// `kind` of a workspace (docs/azure-behaviours.md "Workspaces: kind"). The SDK sends lower case, docs and Bicep `Hub`/`Project`;
/// the value is stored and echoed as the client sent it and compared case-insensitively.
enum WorkspaceKind: String, Sendable {
    case `default` = "Default"
    case hub = "Hub"
    case project = "Project"
    case featureStore = "FeatureStore"

    /// nil for an unknown kind; an absent kind is `Default`.
    init?(_ text: String?) {
        switch (text ?? "Default").lowercased() {
        case "default", "": self = .default
        case "hub": self = .hub
        case "project": self = .project
        case "featurestore": self = .featureStore
        default: return nil
        }
    }

    /// The kind of a stored workspace body.
    static func of(_ body: JSONObject) -> WorkspaceKind {
        WorkspaceKind(body["kind"]?.stringValue) ?? .default
    }

    /// Hubs and default workspaces own their dependents and managed network; projects inherit them.
    var ownsDependents: Bool { self != .project }
}
