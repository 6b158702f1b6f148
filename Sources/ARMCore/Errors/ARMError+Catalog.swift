import EmulatorHTTP

/// The catalog of the errors ARM's gateway answers for any provider (api-version, authentication,
/// authorization, request content, ids, names, tags, locations, subscriptions and resource groups,
/// routing, throttling) and of the errors two or more modules share. Each provider, the hub proxy,
/// the operator API and persistence keep their own codes in their module's `ARMError+{Area}.swift`;
/// `ErrorCatalogTests` (EmulatorTests) checks that no code means two things across them.
/// The wire shape is ARM's `ErrorResponse` (azure-rest-api-specs
/// `specification/common-types/resource-management/v5/types.json`); texts follow what real ARM returns
/// (https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors);
/// where Azure's exact text is unknown the message says so plainly in the same style.
extension ARMError {
    // MARK: api-version

    package static let missingAPIVersion = ARMError(
        status: 400, code: "MissingApiVersionParameter",
        message: "The api-version query parameter (?api-version=) is required for all requests.", fromGateway: true)

    package static func invalidAPIVersion(_ version: String, supported: [String]) -> ARMError {
        let list = supported.isEmpty ? "" : " The supported versions are '\(supported.joined(separator: ","))'."
        return ARMError(
            status: 400, code: "InvalidApiVersionParameter",
            message: "The api-version '\(version)' is invalid.\(list)", fromGateway: true)
    }

    // MARK: authentication (401, with WWW-Authenticate)

    static func bearerChallenge(tenantAuthority: String, description: String) -> HTTPHeaders {
        HTTPHeaders([
            (
                "WWW-Authenticate",
                "Bearer authorization_uri=\"\(tenantAuthority)\", error=\"invalid_token\", error_description=\"\(description)\""
            )
        ])
    }

    package static func authenticationFailed(authority: String) -> ARMError {
        ARMError(
            status: 401, code: "AuthenticationFailed",
            message: "Authentication failed. The 'Authorization' header is missing.",
            headers: bearerChallenge(
                tenantAuthority: authority,
                description: "The authentication failed because of missing "
                    + "'Authorization' header."),
            fromGateway: true)
    }

    package static func authenticationFailedInvalidHeader(authority: String) -> ARMError {
        ARMError(
            status: 401, code: "AuthenticationFailedInvalidHeader",
            message: "Authentication failed. The 'Authorization' header is provided in an invalid format.",
            headers: bearerChallenge(
                tenantAuthority: authority,
                description: "The authentication failed because of invalid "
                    + "'Authorization' header."),
            fromGateway: true)
    }

    package static func invalidAuthenticationToken(authority: String, reason: String? = nil) -> ARMError {
        ARMError(
            status: 401, code: "InvalidAuthenticationToken",
            message: "The access token is invalid." + (reason.map { " \($0)" } ?? ""),
            headers: bearerChallenge(tenantAuthority: authority, description: "The access token is invalid."),
            fromGateway: true)
    }

    package static func expiredAuthenticationToken(expiry: String, now: String, authority: String) -> ARMError {
        ARMError(
            status: 401, code: "ExpiredAuthenticationToken",
            message: "The access token expiry UTC time '\(expiry)' is earlier than current UTC time '\(now)'.",
            headers: bearerChallenge(tenantAuthority: authority, description: "The access token has expired."),
            fromGateway: true)
    }

    package static func invalidAuthenticationTokenTenant(issuer: String, tenant: String, authority: String) -> ARMError {
        ARMError(
            status: 401, code: "InvalidAuthenticationTokenTenant",
            message: "The access token is from the wrong issuer '\(issuer)'. It must match the tenant '\(authority)' associated "
                + "with this subscription. Please use the authority (URL) '\(authority)' to get the token. Note, if the "
                + "subscription is transferred to another tenant there is no impact to the services, but information about "
                + "new tenant could take time to propagate (up to an hour). If you just transferred your subscription and "
                + "see this error message, please try back later.",
            headers: bearerChallenge(tenantAuthority: authority, description: "The access token is from the wrong issuer."),
            fromGateway: true)
    }

    // MARK: authorization (403)

    package static func authorizationFailed(client: String, objectId: String, action: String, scope: String) -> ARMError {
        ARMError(
            status: 403, code: "AuthorizationFailed",
            message: "The client '\(client)' with object id '\(objectId)' does not have authorization to perform action "
                + "'\(action)' over scope '\(scope)' or the scope is invalid. If access was recently granted, please refresh your "
                + "credentials.",
            fromGateway: true)
    }

    /// The wording when an ABAC condition (of the assignment or of the role) decided, as in
    /// https://learn.microsoft.com/azure/role-based-access-control/troubleshooting ("Unable to assign a role").
    package static func authorizationFailedByCondition(client: String, objectId: String, action: String, scope: String) -> ARMError {
        ARMError(
            status: 403, code: "AuthorizationFailed",
            message: "The client '\(client)' with object id '\(objectId)' does not have authorization or an ABAC condition not "
                + "fulfilled to perform action '\(action)' over scope '\(scope)' or the scope is invalid. If access was recently "
                + "granted, please refresh your credentials.",
            fromGateway: true)
    }

    /// ARM's answer when the caller may write the resource but not act on a resource it links to,
    /// e.g. a project's `hubResourceId` needs `workspaces/hubs/join/action` on the hub (docs/azure-behaviours.md,
    /// "Hub and project rules"; the current wording, with "(s)" and "(respectively)").
    package static func linkedAuthorizationFailed(
        client: String, objectId: String, action: String, scope: String, linkedAction: String, linkedScope: String
    ) -> ARMError {
        ARMError(
            status: 403, code: "LinkedAuthorizationFailed",
            message: "The client '\(client)' with object id '\(objectId)' has permission to perform action '\(action)' on scope "
                + "'\(scope)'; however, it does not have permission to perform action(s) '\(linkedAction)' on the linked scope(s) "
                + "'\(linkedScope)' (respectively) or the linked scope(s) are invalid.",
            fromGateway: true)
    }

    // MARK: request content (400, 413, 415)

    package static func invalidRequestContent(_ detail: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidRequestContent",
            message: "The request content was invalid and could not be deserialized: '\(detail)'.", fromGateway: true)
    }

    package static let missingRequestContent = ARMError(
        status: 400, code: "InvalidRequestContent",
        message: "The request content was invalid and could not be deserialized: 'The request body is empty.'.", fromGateway: true)

    package static func unsupportedMediaType(_ contentType: String) -> ARMError {
        ARMError(
            status: 415, code: "UnsupportedMediaType",
            message: "The content media type '\(contentType)' is not supported. Only 'application/json' is supported.", fromGateway: true)
    }

    package static func requestContentTooLarge(limit: Int) -> ARMError {
        ARMError(
            status: 413, code: "RequestContentTooLarge",
            message: "The request content size exceeds the maximum size of \(limit / (1024 * 1024)) MB.", fromGateway: true)
    }

    package static func requestHeadersTooLarge(limit: Int) -> ARMError {
        ARMError(
            status: 431, code: "RequestHeaderFieldsTooLarge",
            message: "The request line and headers exceed the maximum size of \(limit / 1024) KB.", fromGateway: true)
    }

    package static func badRequest(_ message: String) -> ARMError {
        ARMError(status: 400, code: "BadRequest", message: message, fromGateway: true)
    }

    package static func invalidParameter(_ message: String, target: String? = nil) -> ARMError {
        ARMError(status: 400, code: "InvalidParameter", message: message, target: target)
    }

    package static func invalidFilter(_ filter: String) -> ARMError {
        ARMError(status: 400, code: "InvalidFilterInQueryString", message: "Invalid $filter '\(filter)' specified in the query string.")
    }

    package static func invalidSkipToken(_ token: String) -> ARMError {
        ARMError(status: 400, code: "InvalidSkipToken", message: "The provided $skipToken '\(token)' is malformed or invalid.")
    }

    package static func invalidTopValue(_ value: String) -> ARMError {
        ARMError(status: 400, code: "InvalidTopValue", message: "The value '\(value)' of query parameter $top is not a positive integer.")
    }

    // MARK: ids, names, tags, locations (400)

    package static func invalidSubscriptionId(_ id: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidSubscriptionId",
            message: "The provided subscription identifier '\(id)' is malformed or invalid.", fromGateway: true)
    }

    package static func invalidResourceGroup(_ name: String, invalidCharacters: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceGroup",
            message: "The provided resource group name '\(name)' has these invalid characters: '\(invalidCharacters)'. The name "
                + "can only be a letter, digit, '-', '.', '(', ')' or '_'.",
            fromGateway: true)
    }

    /// Length and trailing-period violations of resource group names (ARM answers these with the same code).
    package static func invalidResourceGroupName(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceGroup",
            message: "The provided resource group name '\(name)' is invalid. Resource group names must be 1 to 90 characters "
                + "long, can only be a letter, digit, '-', '.', '(', ')' or '_', and cannot end with a period.",
            fromGateway: true)
    }

    package static func invalidResourceName(_ name: String, type: String, rule: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceName",
            message: "Resource name '\(name)' of type '\(type)' is invalid. \(rule)")
    }

    package static func invalidTag(_ message: String) -> ARMError {
        ARMError(status: 400, code: "InvalidTag", message: message)
    }

    /// A malformed resource id inside a request body (ARM's template and linked-resource checks).
    package static func linkedInvalidPropertyID(_ id: String, property: String) -> ARMError {
        ARMError(
            status: 400, code: "LinkedInvalidPropertyId",
            message: "Property id '\(id)' at path '\(property)' is invalid. Expect fully qualified resource Id that start with "
                + "'/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.")
    }

    // Tag limits (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
    // Azure's exact texts for these are not recorded publicly; these say the same in ARM's style.

    package static func tagNameTooLong(_ name: String, limit: Int) -> ARMError {
        invalidTag("The tag name '\(name)' exceeds the maximum length of \(limit) characters.")
    }

    package static func tagValueTooLong(name: String, value: String, limit: Int) -> ARMError {
        invalidTag("The tag value '\(value)' of tag name '\(name)' exceeds the maximum length of \(limit) characters.")
    }

    package static func tooManyTags(limit: Int) -> ARMError {
        invalidTag("Number of tags exceeds the limit of \(limit).")
    }

    package static func invalidTagNameCharacters(_ name: String) -> ARMError {
        invalidTag("The tag name '\(name)' has invalid characters. Tag names cannot contain '<', '>', '%', '&', '\\', '?' or '/'.")
    }

    package static let emptyTagName = invalidTag("The tag name cannot be empty.")

    package static func duplicateTagName(_ name: String) -> ARMError {
        invalidTag("The tag name '\(name)' is specified more than once. Tag names are case-insensitive.")
    }

    package static func tagValueNotString(name: String) -> ARMError {
        invalidTag("The value of tag name '\(name)' must be a string.")
    }

    package static let tagsNotObject = invalidTag("The 'tags' property must be an object whose values are strings.")

    package static let missingLocation = ARMError(
        status: 400, code: "LocationRequired", message: "The location property is required for this definition.")

    package static func locationNotAvailableForResourceGroup(_ location: String, available: [String]) -> ARMError {
        ARMError(
            status: 400, code: "LocationNotAvailableForResourceGroup",
            message: "The provided location '\(location)' is not available for resource group. List of available regions is "
                + "'\(available.joined(separator: ","))'.",
            fromGateway: true)
    }

    package static func locationNotAvailableForResourceType(_ location: String, type: String, available: [String]) -> ARMError {
        ARMError(
            status: 400, code: "LocationNotAvailableForResourceType",
            message: "The provided location '\(location)' is not available for resource type '\(type)'. List of available regions "
                + "for the resource type is '\(available.joined(separator: ","))'.",
            fromGateway: true)
    }

    // MARK: not found (404)

    package static func subscriptionNotFound(_ id: String) -> ARMError {
        ARMError(status: 404, code: "SubscriptionNotFound", message: "The subscription '\(id)' could not be found.", fromGateway: true)
    }

    package static let missingSubscription = ARMError(
        status: 404, code: "MissingSubscription",
        message: "The request did not have a subscription or a valid tenant level resource provider.", fromGateway: true)

    package static func resourceGroupNotFound(_ name: String) -> ARMError {
        ARMError(status: 404, code: "ResourceGroupNotFound", message: "Resource group '\(name)' could not be found.", fromGateway: true)
    }

    /// `typeAndName` is `{Namespace}/{type}/{name}` (child types: `{ns}/{type}/{name}/{child}/{childName}`).
    package static func resourceNotFound(_ typeAndName: String, resourceGroup: String) -> ARMError {
        ARMError(
            status: 404, code: "ResourceNotFound",
            message: "The Resource '\(typeAndName)' under resource group '\(resourceGroup)' was not found. For more details "
                + "please go to https://aka.ms/ARMResourceNotFoundFix",
            details: [ARMError(status: 404, code: "NotFound", message: "The requested resource does not exist.", target: typeAndName)])
    }

    /// `ResourceNotFound` for an id (`{ns}/{type}/{name}…` under its resource group).
    package static func resourceNotFound(_ id: ResourceID) -> ARMError {
        resourceNotFound(id.qualifiedName, resourceGroup: id.resourceGroup ?? "")
    }

    package static func parentResourceNotFound(operation: String, childType: String, parentID: String) -> ARMError {
        ARMError(
            status: 404, code: "ParentResourceNotFound",
            message: "Failed to perform '\(operation)' on resource(s) of type '\(childType)', because the parent resource "
                + "'\(parentID)' could not be found.",
            fromGateway: true)
    }

    package static func invalidResourceNamespace(_ namespace: String) -> ARMError {
        ARMError(
            status: 404, code: "InvalidResourceNamespace", message: "The resource namespace '\(namespace)' is invalid.",
            fromGateway: true)
    }

    package static func invalidResourceType(_ type: String, namespace: String, apiVersion: String) -> ARMError {
        ARMError(
            status: 404, code: "InvalidResourceType",
            message: "The resource type '\(type)' could not be found in the namespace '\(namespace)' for api version '\(apiVersion)'.",
            fromGateway: true)
    }

    package static func operationNotFound(_ id: String) -> ARMError {
        ARMError(status: 404, code: "OperationNotFound", message: "The operation '\(id)' could not be found.")
    }

    /// A path no route serves at all (outside every provider namespace).
    package static func noRouteFound(_ path: String) -> ARMError {
        ARMError(
            status: 404, code: "NotFound", message: "No HTTP resource was found that matches the request URI '\(path)'.",
            fromGateway: true)
    }

    // MARK: method (405) and unimplemented (501)

    package static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> ARMError {
        ARMError(
            status: 405, code: "MethodNotAllowed",
            message: "The requested resource '\(path)' does not support http method '\(method)'.",
            headers: HTTPHeaders([("Allow", allowed.joined(separator: ", "))]), fromGateway: true)
    }

    package static func notImplemented(_ what: String) -> ARMError {
        ARMError(
            status: 501, code: "NotImplemented",
            message: "The operation '\(what)' is not implemented by foundry-emulator.")
    }

    // MARK: conflicts (409) and preconditions (412)

    package static func conflict(_ message: String) -> ARMError {
        ARMError(status: 409, code: "Conflict", message: message)
    }

    package static func invalidResourceGroupLocation(new: String, existing: String) -> ARMError {
        ARMError(
            status: 409, code: "InvalidResourceGroupLocation",
            message: "Invalid resource group location '\(new)'. The Resource group already exists in location '\(existing)'.",
            fromGateway: true)
    }

    package static func resourceGroupBeingDeleted(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "ResourceGroupBeingDeleted",
            message: "The resource group '\(name)' is in deprovisioning state and cannot perform this operation.", fromGateway: true)
    }

    /// A write to a namespace the subscription unregistered: ARM's 409, as azure-cli's recordings
    /// and https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider show.
    package static func missingSubscriptionRegistration(_ namespace: String) -> ARMError {
        let message =
            "The subscription is not registered to use namespace '\(namespace)'. See https://aka.ms/rps-not-found for how to "
            + "register subscriptions."
        return ARMError(
            status: 409, code: "MissingSubscriptionRegistration", message: message, target: namespace,
            details: [ARMError(status: 409, code: "MissingSubscriptionRegistration", message: message, target: namespace)],
            fromGateway: true)
    }

    package static let preconditionFailed = ARMError(
        status: 412, code: "PreconditionFailed",
        message: "The condition specified using HTTP conditional header(s) is not met.")

    // MARK: throttling and server faults

    package static func subscriptionRequestsThrottled(kind: String, subscription: String, actor: String, retryAfter: Int) -> ARMError {
        ARMError(
            status: 429, code: "SubscriptionRequestsThrottled",
            message: "Number of '\(kind)' requests for subscription '\(subscription)' actor '\(actor)' exceeded. Please try again "
                + "after '\(retryAfter)' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling",
            headers: HTTPHeaders([("Retry-After", String(retryAfter))]), fromGateway: true)
    }

    package static func internalServerError(
        _ message: String = "The server encountered an internal error. Please retry the request."
    ) -> ARMError {
        ARMError(status: 500, code: "InternalServerError", message: message)
    }
}

// MARK: - shared by Machine Learning workspaces, CognitiveServices accounts and the hub proxy

extension ARMError {
    package static func workspaceInvalidValue(_ property: String, value: String, allowed: [String]) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The value '\(value)' of '\(property)' is invalid. Allowed values are: \(allowed.joined(separator: ", ")).",
            target: property)
    }

    package static func workspaceMissingProperty(_ property: String) -> ARMError {
        ARMError(status: 400, code: "BadRequest", message: "The property '\(property)' is required.", target: property)
    }

    /// Missing ML child resources: EMULATOR CHOICE `NotFound` (docs/hubs-and-projects.md, "Rules this emulator enforces").
    package static func workspaceChildNotFound(_ kind: String, name: String, workspace: String) -> ARMError {
        ARMError(status: 404, code: "NotFound", message: "\(kind) '\(name)' was not found in workspace '\(workspace)'.")
    }

    /// ARM's own check for tracked resources: a PUT cannot move an existing resource.
    package static func invalidResourceLocation(name: String, existing: String, resourceGroup: String, requested: String) -> ARMError {
        ARMError(
            status: 409, code: "InvalidResourceLocation",
            message: "The resource '\(name)' already exists in location '\(existing)' in resource group '\(resourceGroup)'. A resource "
                + "with the same name cannot be created in location '\(requested)'. Please select a new resource name.",
            fromGateway: true)
    }
}

// MARK: - fault injection (operator API, not part of Azure; the rules are parsed here in ARMCore)

extension ARMError {
    /// A fault rule's error. Without a code, the status's usual ARM code and text.
    package static func injectedFault(status: Int, code: String?, message: String?) -> ARMError {
        let defaults: (code: String, message: String) =
            switch status {
            case 409: ("Conflict", "The request conflicts with the current state of the resource.")
            case 429: ("TooManyRequests", "The request was throttled. Retry after the interval in the Retry-After header.")
            case 500: ("InternalServerError", "The server encountered an internal error. Please retry the request.")
            case 502: ("BadGateway", "The gateway received an invalid response from the resource provider.")
            case 503: ("ServiceUnavailable", "The service is temporarily unavailable. Please retry the request.")
            case 504:
                ("GatewayTimeout", "The gateway did not receive a response from the resource provider within the specified time period.")
            default: ("InjectedFault", "The request failed with a fault injected through /_emulator/faults.")
            }
        return ARMError(status: status, code: code ?? defaults.code, message: message ?? defaults.message)
    }

    package static func invalidFaultRule(_ reason: String) -> ARMError {
        ARMError(status: 400, code: "InvalidFaultRule", message: "The fault rule is invalid: \(reason)")
    }

    package static func tooManyFaultRules(limit: Int) -> ARMError {
        ARMError(
            status: 400, code: "TooManyFaultRules",
            message: "At most \(limit) fault rules can be active. DELETE /_emulator/faults clears them.")
    }
}

// MARK: HTTP protocol errors answered by the server before the pipeline

extension ARMError {
    /// 413 and 431 use ARM's own codes; other protocol errors keep the server's code and text.
    package static func httpProtocolError(status: Int, code: String, message: String) -> ARMError {
        switch status {
        case 413: requestContentTooLarge(limit: 4 * 1024 * 1024)
        case 431: requestHeadersTooLarge(limit: 64 * 1024)
        default: ARMError(status: status, code: code, message: message, fromGateway: true)
        }
    }
}

// MARK: - durable state (docs/durability-and-load.md)

extension ARMError {
    /// EMULATOR CHOICE: an operation whose work was lost because the emulator stopped while it ran
    /// ends Failed with this error on restart (Azure never strands an operation InProgress).
    package static let operationInterrupted = ARMError(
        status: 500, code: "OperationInterrupted",
        message: "The operation was interrupted because the emulator stopped before it finished. Retry the request.")
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs. `injectedFault` is listed with each default
    /// code (a fault rule may also name its own code, which no catalog can check); `httpProtocolError` with
    /// the two statuses it maps to ARM's codes (the others keep the server's).
    package static let gatewayCatalog: [(factory: String, error: ARMError)] = [
        ("missingAPIVersion", missingAPIVersion),
        ("invalidAPIVersion", invalidAPIVersion("{version}", supported: ["{supported}"])),
        ("authenticationFailed", authenticationFailed(authority: "{authority}")),
        ("authenticationFailedInvalidHeader", authenticationFailedInvalidHeader(authority: "{authority}")),
        ("invalidAuthenticationToken", invalidAuthenticationToken(authority: "{authority}", reason: "{reason}")),
        ("expiredAuthenticationToken", expiredAuthenticationToken(expiry: "{expiry}", now: "{now}", authority: "{authority}")),
        (
            "invalidAuthenticationTokenTenant",
            invalidAuthenticationTokenTenant(issuer: "{issuer}", tenant: "{tenant}", authority: "{authority}")
        ),
        ("authorizationFailed", authorizationFailed(client: "{client}", objectId: "{objectId}", action: "{action}", scope: "{scope}")),
        (
            "authorizationFailedByCondition",
            authorizationFailedByCondition(client: "{client}", objectId: "{objectId}", action: "{action}", scope: "{scope}")
        ),
        (
            "linkedAuthorizationFailed",
            linkedAuthorizationFailed(
                client: "{client}", objectId: "{objectId}", action: "{action}", scope: "{scope}", linkedAction: "{linkedAction}",
                linkedScope: "{linkedScope}"
            )
        ),
        ("invalidRequestContent", invalidRequestContent("{detail}")),
        ("missingRequestContent", missingRequestContent),
        ("unsupportedMediaType", unsupportedMediaType("{contentType}")),
        ("requestContentTooLarge", requestContentTooLarge(limit: 7)),
        ("requestHeadersTooLarge", requestHeadersTooLarge(limit: 7)),
        ("badRequest", badRequest("{message}")),
        ("invalidParameter", invalidParameter("{message}", target: "{target}")),
        ("invalidFilter", invalidFilter("{filter}")),
        ("invalidSkipToken", invalidSkipToken("{token}")),
        ("invalidTopValue", invalidTopValue("{value}")),
        ("invalidSubscriptionId", invalidSubscriptionId("{id}")),
        ("invalidResourceGroup", invalidResourceGroup("{name}", invalidCharacters: "{invalidCharacters}")),
        ("invalidResourceGroupName", invalidResourceGroupName("{name}")),
        ("invalidResourceName", invalidResourceName("{name}", type: "{type}", rule: "{rule}")),
        ("invalidTag", invalidTag("{message}")),
        ("linkedInvalidPropertyID", linkedInvalidPropertyID("{id}", property: "{property}")),
        ("tagNameTooLong", tagNameTooLong("{name}", limit: 7)),
        ("tagValueTooLong", tagValueTooLong(name: "{name}", value: "{value}", limit: 7)),
        ("tooManyTags", tooManyTags(limit: 7)),
        ("invalidTagNameCharacters", invalidTagNameCharacters("{name}")),
        ("emptyTagName", emptyTagName),
        ("duplicateTagName", duplicateTagName("{name}")),
        ("tagValueNotString", tagValueNotString(name: "{name}")),
        ("tagsNotObject", tagsNotObject),
        ("missingLocation", missingLocation),
        ("locationNotAvailableForResourceGroup", locationNotAvailableForResourceGroup("{location}", available: ["{available}"])),
        (
            "locationNotAvailableForResourceType",
            locationNotAvailableForResourceType("{location}", type: "{type}", available: ["{available}"])
        ),
        ("subscriptionNotFound", subscriptionNotFound("{id}")),
        ("missingSubscription", missingSubscription),
        ("resourceGroupNotFound", resourceGroupNotFound("{name}")),
        ("resourceNotFound", resourceNotFound("{typeAndName}", resourceGroup: "{resourceGroup}")),
        (
            "resourceNotFound",
            resourceNotFound(
                ResourceID(
                    subscriptionID: "{subscriptionID}", resourceGroup: "{resourceGroup}", namespace: "{namespace}", types: ["{type}"],
                    names: ["{name}"]))
        ),
        ("parentResourceNotFound", parentResourceNotFound(operation: "{operation}", childType: "{childType}", parentID: "{parentID}")),
        ("invalidResourceNamespace", invalidResourceNamespace("{namespace}")),
        ("invalidResourceType", invalidResourceType("{type}", namespace: "{namespace}", apiVersion: "{apiVersion}")),
        ("operationNotFound", operationNotFound("{id}")),
        ("noRouteFound", noRouteFound("{path}")),
        ("methodNotAllowed", methodNotAllowed("{method}", path: "{path}", allowed: ["{allowed}"])),
        ("notImplemented", notImplemented("{what}")),
        ("conflict", conflict("{message}")),
        ("invalidResourceGroupLocation", invalidResourceGroupLocation(new: "{new}", existing: "{existing}")),
        ("resourceGroupBeingDeleted", resourceGroupBeingDeleted("{name}")),
        ("missingSubscriptionRegistration", missingSubscriptionRegistration("{namespace}")),
        ("preconditionFailed", preconditionFailed),
        (
            "subscriptionRequestsThrottled",
            subscriptionRequestsThrottled(kind: "{kind}", subscription: "{subscription}", actor: "{actor}", retryAfter: 7)
        ),
        ("internalServerError", internalServerError("{message}")),
        ("workspaceInvalidValue", workspaceInvalidValue("{property}", value: "{value}", allowed: ["{allowed}"])),
        ("workspaceMissingProperty", workspaceMissingProperty("{property}")),
        ("workspaceChildNotFound", workspaceChildNotFound("{kind}", name: "{name}", workspace: "{workspace}")),
        (
            "invalidResourceLocation",
            invalidResourceLocation(name: "{name}", existing: "{existing}", resourceGroup: "{resourceGroup}", requested: "{requested}")
        ),
        ("injectedFault", injectedFault(status: 409, code: nil, message: nil)),
        ("injectedFault", injectedFault(status: 429, code: nil, message: nil)),
        ("injectedFault", injectedFault(status: 500, code: nil, message: nil)),
        ("injectedFault", injectedFault(status: 502, code: nil, message: nil)),
        ("injectedFault", injectedFault(status: 503, code: nil, message: nil)),
        ("injectedFault", injectedFault(status: 504, code: nil, message: nil)),
        ("injectedFault", injectedFault(status: 418, code: nil, message: nil)),
        ("invalidFaultRule", invalidFaultRule("{reason}")),
        ("tooManyFaultRules", tooManyFaultRules(limit: 7)),
        ("httpProtocolError", httpProtocolError(status: 413, code: "{code}", message: "{message}")),
        ("httpProtocolError", httpProtocolError(status: 431, code: "{code}", message: "{message}")),
        ("operationInterrupted", operationInterrupted),
    ]
}
