import ARMCore

/// Graph-lite's errors: not ARM's but Microsoft Graph's codes and texts
/// (https://learn.microsoft.com/graph/errors), in the same `{"error":{"code","message"}}` envelope.
extension ARMError {
    /// Microsoft Graph's answer for an object id it does not hold.
    package static func graphResourceNotFound(_ id: String) -> ARMError {
        ARMError(
            status: 404, code: "Request_ResourceNotFound",
            message: "Resource '\(id)' does not exist or one of its queried reference-property objects are not present.")
    }

    /// Graph's answer to an unsupported or malformed `$filter`.
    package static func graphUnsupportedQuery(_ filter: String) -> ARMError {
        ARMError(
            status: 400, code: "Request_UnsupportedQuery", message: "Unsupported or invalid query filter clause specified: '\(filter)'.")
    }

    /// `GET /v1.0/me` with an application token.
    package static let graphMeNeedsDelegatedToken = ARMError(
        status: 400, code: "BadRequest", message: "/me request is only valid with delegated authentication flow.")

    package static func graphBadRequest(_ message: String) -> ARMError {
        ARMError(status: 400, code: "Request_BadRequest", message: message)
    }

    /// A Graph write by a caller without directory rights (docs/rbac-and-hub-proxy.md "Graph writes,
    /// groups and directory rights"); Graph's text, which `az` matches on ("insufficient privileges") to explain it.
    package static let graphAuthorizationRequestDenied = ARMError(
        status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.")

    /// A second service principal for the same application: Graph's 409, as reported in
    /// Azure/reliable-web-app-pattern-java#185.
    package static func graphServicePrincipalNameInUse(_ appId: String) -> ARMError {
        ARMError(
            status: 409, code: "Request_MultipleObjectsWithSameKeyValue",
            message: "The service principal cannot be created, updated, or restored because the service principal name \(appId) "
                + "is already in use.")
    }

    /// `POST /servicePrincipals` for an appId no application has; `az ad sp create-for-rbac` matches
    /// " does not reference " to retry while Entra replicates.
    package static func graphAppIdNotReferenced(_ appId: String) -> ARMError {
        graphBadRequest("The appId '\(appId)' of the service principal does not reference a valid application object.")
    }

    /// A user whose UPN is taken, or a property that must be unique (Graph's wording).
    package static func graphDuplicateProperty(_ property: String) -> ARMError {
        graphBadRequest("Another object with the same value for property \(property) already exists.")
    }

    /// A UPN outside the tenant's domains.
    package static let graphInvalidUPNDomain = ARMError(
        status: 400, code: "Request_BadRequest",
        message: "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in "
            + "your organization.")

    /// Adding a member that already is one (`az ad group member add` says Graph is not idempotent here).
    package static let graphMemberExists = ARMError(
        status: 400, code: "Request_BadRequest",
        message: "One or more added object references already exist for the following modified properties: 'members'.")

    /// A required property missing from a Graph create body.
    package static func graphMissingProperty(_ property: String) -> ARMError {
        graphBadRequest("Property '\(property)' is required but was not provided.")
    }
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs.
    package static let graphCatalog: [(factory: String, error: ARMError)] = [
        ("graphResourceNotFound", graphResourceNotFound("{id}")),
        ("graphUnsupportedQuery", graphUnsupportedQuery("{filter}")),
        ("graphMeNeedsDelegatedToken", graphMeNeedsDelegatedToken),
        ("graphBadRequest", graphBadRequest("{message}")),
        ("graphAuthorizationRequestDenied", graphAuthorizationRequestDenied),
        ("graphServicePrincipalNameInUse", graphServicePrincipalNameInUse("{appId}")),
        ("graphAppIdNotReferenced", graphAppIdNotReferenced("{appId}")),
        ("graphDuplicateProperty", graphDuplicateProperty("{property}")),
        ("graphInvalidUPNDomain", graphInvalidUPNDomain),
        ("graphMemberExists", graphMemberExists),
        ("graphMissingProperty", graphMissingProperty("{property}")),
    ]
}
