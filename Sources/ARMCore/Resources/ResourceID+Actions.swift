/// RBAC action names of an id (role-definitions.md: `{Company}.{ProviderName}/{resourceType}/{action}`).
extension ResourceID {
    /// The action that reads this resource: `Microsoft.Resources/subscriptions/resourceGroups/read`
    /// for a group (ARM nests groups under subscriptions in action names),
    /// `Microsoft.Resources/subscriptions/read` for a subscription, `{fullType}/read` otherwise.
    package var readAction: String {
        switch level {
        case .tenant: "*/read"
        case .subscription: "Microsoft.Resources/subscriptions/read"
        case .resourceGroup: "Microsoft.Resources/subscriptions/resourceGroups/read"
        case .resource: fullType + "/read"
        }
    }

    /// The longest prefix of `segments` that is a resource id: the scope ARM names in
    /// `AuthorizationFailed` for a request on that path (a collection path such as
    /// `.../resourceGroups` or a POST action such as `.../accounts/a/listKeys` falls back to its
    /// parent). The tenant root when nothing parses.
    package static func longestPrefix(of segments: [String]) -> ResourceID {
        var count = segments.count
        while count > 0 {
            if let id = ResourceID(segments: Array(segments[0..<count])) { return id }
            count -= 1
        }
        return .tenantRoot
    }
}
