/// One registration per namespace, as `GET /subscriptions/{s}/providers` lists them: modules that
/// serve types of the same namespace (Microsoft.Insights: the Dependents provider's components,
/// the Insights provider's activity log) are merged, in the order given.
extension ResourceProviderRegistration {
    package static func merging(_ registrations: [ResourceProviderRegistration]) -> [ResourceProviderRegistration] {
        var merged: [ResourceProviderRegistration] = []
        for registration in registrations {
            if let index = merged.firstIndex(where: { $0.namespace.lowercased() == registration.namespace.lowercased() }) {
                merged[index].resourceTypes += registration.resourceTypes
            } else {
                merged.append(registration)
            }
        }
        return merged
    }
}
