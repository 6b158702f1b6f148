import ARMCore

/// Operations clients may call that the emulator does not model: 501 with an ARM error, never a
/// fake success (DESIGN "An operation the emulator does not implement answers 501").
extension CognitiveServicesProvider {
    var unimplementedRoutes: [Route] {
        let notImplemented: [(String, String, String, String)] = [
            (
                "GET", Self.subscriptionPrefix + "/locations/{location}/commitmentTiers", "CommitmentTiers_List",
                "Microsoft.CognitiveServices/locations/commitmentTiers/read"
            ),
            (
                "GET", Self.subscriptionPrefix + "/modelCapacities", "ModelCapacities_List",
                "Microsoft.CognitiveServices/modelCapacities/read"
            ),
            (
                "GET", Self.subscriptionPrefix + "/locations/{location}/modelCapacities", "LocationBasedModelCapacities_List",
                "Microsoft.CognitiveServices/locations/modelCapacities/read"
            ),
            (
                "POST", Self.subscriptionPrefix + "/calculateModelCapacity", "CognitiveServicesManagement_CalculateModelCapacity",
                "Microsoft.CognitiveServices/calculateModelCapacity/action"
            ),
            (
                "GET", Self.accountPattern + "/commitmentPlans", "CommitmentPlans_List",
                "Microsoft.CognitiveServices/accounts/commitmentPlans/read"
            ),
            (
                "GET", Self.accountPattern + "/privateEndpointConnections", "AccountPrivateEndpointConnections_List",
                "Microsoft.CognitiveServices/accounts/privateEndpointConnections/read"
            ),
            (
                "GET", Self.accountPattern + "/capabilityHosts", "AccountCapabilityHosts_List",
                "Microsoft.CognitiveServices/accounts/capabilityHosts/read"
            ),
            (
                "GET", Self.accountPattern + "/raiBlocklists", "RaiBlocklists_List",
                "Microsoft.CognitiveServices/accounts/raiBlocklists/read"
            ),
        ]
        return notImplemented.map { method, pattern, operationID, action in
            Route(method, pattern, operationID: operationID, action: action) { _, _ in throw ARMError.notImplemented(operationID) }
        }
    }
}
