import ARMCore

/// The headers the hub proxy sends with a forwarded call to carry the workspace caller for audit
/// (EMULATOR CHOICE: Azure does not document how its first-party proxy names the original caller).
/// The target emulator honours them only when the authenticated caller is the proxy's principal.
package enum OnBehalfOf {
    package static let objectIdHeader = "x-ms-foundry-proxy-caller-object-id"
    package static let nameHeader = "x-ms-foundry-proxy-caller-name"
    package static let typeHeader = "x-ms-foundry-proxy-caller-type"

    /// The header fields describing `caller`.
    package static func headers(for caller: Caller) -> [(String, String)] {
        [
            (objectIdHeader, caller.objectId), (nameHeader, caller.clientName), (typeHeader, caller.principalType.rawValue),
        ]
    }

    /// The original caller named by the headers of `request`, if any.
    package static func caller(in request: ARMRequest, tenantId: String) -> Caller? {
        guard let objectId = request.headers[objectIdHeader], !objectId.isEmpty else { return nil }
        let name = request.headers[nameHeader]
        let type = request.headers[typeHeader].flatMap(Caller.PrincipalType.init(rawValue:)) ?? .servicePrincipal
        return Caller(
            objectId: objectId, tenantId: tenantId, appId: type == .user ? nil : name, principalType: type,
            userPrincipalName: type == .user ? name : nil)
    }
}
