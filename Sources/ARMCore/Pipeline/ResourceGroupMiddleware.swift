/// ARM answers 404 `ResourceGroupNotFound` ("Resource group '{rg}' could not be found.") for a
/// request under a resource group that does not exist, before the resource provider sees it: a
/// matched route whose target (`ARMRequest.resourceID`) lies in a missing group ends here.
///
/// It runs last, right before the handler: after authorization, because ARM authorizes first (its
/// `AuthorizationFailed` message ends "or the scope is invalid"), and after fault injection, as
/// the handlers' own checks did. Routes that answer for a missing group themselves opt out with
/// `Route.skippingResourceGroupCheck()` (creating the group, its existence check, template
/// deployments that report their own error).
package struct ResourceGroupMiddleware: ARMRequestStep {
    package let store: ResourceStore

    package init(store: ResourceStore) {
        self.store = store
    }

    package func prepare(_ request: inout ARMRequest) throws {
        if let match = request.route, match.route.checksResourceGroup, let group = request.resourceID.resourceGroupID,
            !store.contains(group)
        {
            throw ARMError.resourceGroupNotFound(group.resourceGroup ?? "")
        }
    }
}
