import ARMCore
import JSON

/// Microsoft.Features (`az feature list/show/register/unregister`, api-version 2021-07-01): the
/// classic `providers/Microsoft.Features/providers/{ns}/features/{f}` routes az calls. Features of
/// `FeatureCatalog` start `Registered`; any other name under a namespace the emulator serves is a
/// preview feature that starts `NotRegistered`, so scripts that register previews run. Registering
/// and unregistering take effect at once (`Registered`, `Unregistered`), where Azure passes
/// through `Registering`/`Unregistering` (EMULATOR CHOICE). State is kept in the store
/// (`FeatureRegistration`), durable and in `/_emulator/state`.
extension ResourcesProvider {
    var featureRoutes: [Route] {
        let base = "/subscriptions/{subscriptionId}/providers/Microsoft.Features"
        let namespaced = base + "/providers/{resourceProviderNamespace}/features"
        return [
            Route("GET", base + "/features", operationID: "Features_ListAll", action: "Microsoft.Features/features/read") {
                request, parameters in
                try listFeatures(request, subscriptionID: parameters.required("subscriptionId"), namespace: nil)
            },
            Route("GET", namespaced, operationID: "Features_List", action: "Microsoft.Features/providers/features/read") {
                request, parameters in
                let namespace = try servedNamespace(parameters.required("resourceProviderNamespace"))
                return try listFeatures(request, subscriptionID: parameters.required("subscriptionId"), namespace: namespace)
            },
            Route("GET", namespaced + "/{featureName}", operationID: "Features_Get", action: "Microsoft.Features/providers/features/read") {
                _, parameters in
                let (namespace, name) = try feature(parameters)
                return .ok(featureJSON(subscriptionID: parameters.required("subscriptionId"), namespace: namespace, name: name))
            },
            Route(
                "POST", namespaced + "/{featureName}/register", operationID: "Features_Register",
                action: "Microsoft.Features/providers/features/register/action"
            ) { _, parameters in
                try setFeature(parameters, state: "Registered")
            },
            Route(
                "POST", namespaced + "/{featureName}/unregister", operationID: "Features_Unregister",
                action: "Microsoft.Features/providers/features/unregister/action"
            ) { _, parameters in
                try setFeature(parameters, state: "Unregistered")
            },
        ]
    }

    /// The namespace as the emulator spells it, or 404 `InvalidResourceNamespace`.
    func servedNamespace(_ namespace: String) throws -> String {
        guard let registration = registrations.first(where: { $0.namespace.lowercased() == namespace.lowercased() }) else {
            throw ARMError.invalidResourceNamespace(namespace)
        }
        return registration.namespace
    }

    /// The feature's namespace and name in canonical spelling (the catalog's, else as sent).
    func feature(_ parameters: RouteParameters) throws -> (String, String) {
        let namespace = try servedNamespace(parameters.required("resourceProviderNamespace"))
        let name = parameters.required("featureName")
        return (namespace, FeatureCatalog.feature(namespace: namespace, name: name)?.name ?? name)
    }

    func featureState(subscriptionID: String, namespace: String, name: String) -> String {
        let stored = FeatureRegistration.state(
            of: store.get(FeatureRegistration.featureID(subscriptionID: subscriptionID, namespace: namespace, feature: name)))
        return stored ?? (FeatureCatalog.feature(namespace: namespace, name: name) != nil ? "Registered" : "NotRegistered")
    }

    func featureJSON(subscriptionID: String, namespace: String, name: String) -> JSONValue {
        .object(
            JSONObject([
                ("properties", ["state": .string(featureState(subscriptionID: subscriptionID, namespace: namespace, name: name))]),
                ("id", .string("/subscriptions/\(subscriptionID)/providers/Microsoft.Features/providers/\(namespace)/features/\(name)")),
                ("type", "Microsoft.Features/providers/features"),
                ("name", .string("\(namespace)/\(name)")),
            ]))
    }

    /// The catalog's features and every feature a client touched, in the namespace or all.
    func listFeatures(_ request: ARMRequest, subscriptionID: String, namespace: String?) throws -> ARMResponse {
        guard directory.subscription(id: subscriptionID) != nil else { throw ARMError.subscriptionNotFound(subscriptionID) }
        var names: [(String, String)] = FeatureCatalog.features.map { ($0.namespace, $0.name) }
        for record in store.all(under: .subscription(subscriptionID), types: [FeatureRegistration.featureStoreType]) {
            let pair = (record.id.names.first ?? "", record.id.name)
            if !names.contains(where: { $0.0.lowercased() == pair.0.lowercased() && $0.1.lowercased() == pair.1.lowercased() }) {
                names.append(pair)
            }
        }
        let wanted = names.filter { namespace == nil || $0.0.lowercased() == namespace?.lowercased() }
        return try Pager(request: request).list(
            wanted, key: { ($0.0 + "/" + $0.1).lowercased() },
            render: { featureJSON(subscriptionID: subscriptionID, namespace: $0.0, name: $0.1) })
    }

    func setFeature(_ parameters: RouteParameters, state: String) throws -> ARMResponse {
        let subscriptionID = parameters.required("subscriptionId")
        guard directory.subscription(id: subscriptionID) != nil else { throw ARMError.subscriptionNotFound(subscriptionID) }
        let (namespace, name) = try feature(parameters)
        let id = FeatureRegistration.featureID(subscriptionID: subscriptionID, namespace: namespace, feature: name)
        let body = JSONObject([
            ("id", .string(id.description)), ("name", .string(name)), ("type", .string(FeatureRegistration.featureStoreType)),
            ("properties", .object(JSONObject([("providerNamespace", .string(namespace)), ("state", .string(state))]))),
        ])
        try store.put(id, body: body)
        return .ok(featureJSON(subscriptionID: subscriptionID, namespace: namespace, name: name))
    }
}
