import ARMCore

/// Runs after authorization in the ARM pipeline: a call authorized as the hub proxy's principal
/// continues with the original workspace caller the proxy named (`OnBehalfOf`), so `systemData`
/// of a deployment created through a hub names the person who asked, not the proxy. RBAC has
/// already been decided on the proxy's principal; anyone else's headers are ignored, so the
/// headers cannot be used to impersonate.
package struct OnBehalfOfMiddleware: ARMRequestStep {
    package let proxyObjectId: String

    package init(proxyObjectId: String) {
        self.proxyObjectId = proxyObjectId.lowercased()
    }

    package func prepare(_ request: inout ARMRequest) throws {
        guard let caller = request.caller, caller.objectId.lowercasedIfNeeded == proxyObjectId,
            let original = OnBehalfOf.caller(in: request, tenantId: caller.tenantId)
        else { return }
        request.caller = original
    }
}
