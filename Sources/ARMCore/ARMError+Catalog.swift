import EmulatorHTTP

/// The one catalog of ARM error codes and message templates. Texts follow what real ARM returns
/// (see shared/reference/arm-and-cognitiveservices.md §5.1 and §5.6); where Azure's exact text is
/// unknown the message says so plainly in the same style.
extension ARMError {
    // MARK: api-version (§5.1)

    public static let missingAPIVersion = ARMError(
        status: 400, code: "MissingApiVersionParameter",
        message: "The api-version query parameter (?api-version=) is required for all requests.", fromGateway: true)

    public static func invalidAPIVersion(_ version: String, supported: [String]) -> ARMError {
        let list = supported.isEmpty ? "" : " The supported versions are '\(supported.joined(separator: ","))'."
        return ARMError(
            status: 400, code: "InvalidApiVersionParameter",
            message: "The api-version '\(version)' is invalid.\(list)", fromGateway: true)
    }

    // MARK: authentication (401, with WWW-Authenticate)

    static func bearerChallenge(tenantAuthority: String, description: String) -> HTTPHeaders {
        HTTPHeaders([(
            "WWW-Authenticate",
            "Bearer authorization_uri=\"\(tenantAuthority)\", error=\"invalid_token\", error_description=\"\(description)\""
        )])
    }

    public static func authenticationFailed(authority: String) -> ARMError {
        ARMError(
            status: 401, code: "AuthenticationFailed",
            message: "Authentication failed. The 'Authorization' header is missing.",
            headers: bearerChallenge(tenantAuthority: authority, description: "The authentication failed because of missing "
                + "'Authorization' header."),
            fromGateway: true)
    }

    public static func authenticationFailedInvalidHeader(authority: String) -> ARMError {
        ARMError(
            status: 401, code: "AuthenticationFailedInvalidHeader",
            message: "Authentication failed. The 'Authorization' header is provided in an invalid format.",
            headers: bearerChallenge(tenantAuthority: authority, description: "The authentication failed because of invalid "
                + "'Authorization' header."),
            fromGateway: true)
    }

    public static func invalidAuthenticationToken(authority: String, reason: String? = nil) -> ARMError {
        ARMError(
            status: 401, code: "InvalidAuthenticationToken",
            message: "The access token is invalid." + (reason.map { " \($0)" } ?? ""),
            headers: bearerChallenge(tenantAuthority: authority, description: "The access token is invalid."),
            fromGateway: true)
    }

    public static func expiredAuthenticationToken(expiry: String, now: String, authority: String) -> ARMError {
        ARMError(
            status: 401, code: "ExpiredAuthenticationToken",
            message: "The access token expiry UTC time '\(expiry)' is earlier than current UTC time '\(now)'.",
            headers: bearerChallenge(tenantAuthority: authority, description: "The access token has expired."),
            fromGateway: true)
    }

    public static func invalidAuthenticationTokenTenant(issuer: String, tenant: String, authority: String) -> ARMError {
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

    public static func authorizationFailed(client: String, objectId: String, action: String, scope: String) -> ARMError {
        ARMError(
            status: 403, code: "AuthorizationFailed",
            message: "The client '\(client)' with object id '\(objectId)' does not have authorization to perform action "
                + "'\(action)' over scope '\(scope)' or the scope is invalid. If access was recently granted, please refresh your "
                + "credentials.",
            fromGateway: true)
    }

    // MARK: request content (400, 413, 415)

    public static func invalidRequestContent(_ detail: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidRequestContent",
            message: "The request content was invalid and could not be deserialized: '\(detail)'.", fromGateway: true)
    }

    public static let missingRequestContent = ARMError(
        status: 400, code: "InvalidRequestContent",
        message: "The request content was invalid and could not be deserialized: 'The request body is empty.'.", fromGateway: true)

    public static func unsupportedMediaType(_ contentType: String) -> ARMError {
        ARMError(
            status: 415, code: "UnsupportedMediaType",
            message: "The content media type '\(contentType)' is not supported. Only 'application/json' is supported.", fromGateway: true)
    }

    public static func requestContentTooLarge(limit: Int) -> ARMError {
        ARMError(
            status: 413, code: "RequestContentTooLarge",
            message: "The request content size exceeds the maximum size of \(limit / (1024 * 1024)) MB.", fromGateway: true)
    }

    public static func requestHeadersTooLarge(limit: Int) -> ARMError {
        ARMError(
            status: 431, code: "RequestHeaderFieldsTooLarge",
            message: "The request line and headers exceed the maximum size of \(limit / 1024) KB.", fromGateway: true)
    }

    public static func badRequest(_ message: String) -> ARMError {
        ARMError(status: 400, code: "BadRequest", message: message, fromGateway: true)
    }

    public static func invalidParameter(_ message: String, target: String? = nil) -> ARMError {
        ARMError(status: 400, code: "InvalidParameter", message: message, target: target)
    }

    public static func invalidFilter(_ filter: String) -> ARMError {
        ARMError(status: 400, code: "InvalidFilterInQueryString", message: "Invalid $filter '\(filter)' specified in the query string.")
    }

    public static func invalidSkipToken(_ token: String) -> ARMError {
        ARMError(status: 400, code: "InvalidSkipToken", message: "The provided $skipToken '\(token)' is malformed or invalid.")
    }

    public static func invalidTopValue(_ value: String) -> ARMError {
        ARMError(status: 400, code: "InvalidTopValue", message: "The value '\(value)' of query parameter $top is not a positive integer.")
    }

    // MARK: ids, names, tags, locations (400)

    public static func invalidSubscriptionId(_ id: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidSubscriptionId",
            message: "The provided subscription identifier '\(id)' is malformed or invalid.", fromGateway: true)
    }

    public static func invalidResourceGroup(_ name: String, invalidCharacters: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceGroup",
            message: "The provided resource group name '\(name)' has these invalid characters: '\(invalidCharacters)'. The name "
                + "can only be a letter, digit, '-', '.', '(', ')' or '_'.",
            fromGateway: true)
    }

    /// Length and trailing-period violations of resource group names (ARM answers these with the same code).
    public static func invalidResourceGroupName(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceGroup",
            message: "The provided resource group name '\(name)' is invalid. Resource group names must be 1 to 90 characters "
                + "long, can only be a letter, digit, '-', '.', '(', ')' or '_', and cannot end with a period.",
            fromGateway: true)
    }

    public static func invalidResourceName(_ name: String, type: String, rule: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceName",
            message: "Resource name '\(name)' of type '\(type)' is invalid. \(rule)")
    }

    public static func invalidTag(_ message: String) -> ARMError {
        ARMError(status: 400, code: "InvalidTag", message: message)
    }

    /// A malformed resource id inside a request body (ARM's template and linked-resource checks).
    public static func linkedInvalidPropertyID(_ id: String, property: String) -> ARMError {
        ARMError(
            status: 400, code: "LinkedInvalidPropertyId",
            message: "Property id '\(id)' at path '\(property)' is invalid. Expect fully qualified resource Id that start with "
                + "'/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.")
    }

    // Tag limits (reference §5.12). Azure's exact texts for these are unknown ([GAP]); the
    // recommended ones are used.

    public static func tagNameTooLong(_ name: String, limit: Int) -> ARMError {
        invalidTag("The tag name '\(name)' exceeds the maximum length of \(limit) characters.")
    }

    public static func tagValueTooLong(name: String, value: String, limit: Int) -> ARMError {
        invalidTag("The tag value '\(value)' of tag name '\(name)' exceeds the maximum length of \(limit) characters.")
    }

    public static func tooManyTags(limit: Int) -> ARMError {
        invalidTag("Number of tags exceeds the limit of \(limit).")
    }

    public static func invalidTagNameCharacters(_ name: String) -> ARMError {
        invalidTag("The tag name '\(name)' has invalid characters. Tag names cannot contain '<', '>', '%', '&', '\\', '?' or '/'.")
    }

    public static let emptyTagName = invalidTag("The tag name cannot be empty.")

    public static func duplicateTagName(_ name: String) -> ARMError {
        invalidTag("The tag name '\(name)' is specified more than once. Tag names are case-insensitive.")
    }

    public static func tagValueNotString(name: String) -> ARMError {
        invalidTag("The value of tag name '\(name)' must be a string.")
    }

    public static let tagsNotObject = invalidTag("The 'tags' property must be an object whose values are strings.")

    public static let missingLocation = ARMError(
        status: 400, code: "LocationRequired", message: "The location property is required for this definition.")

    public static func locationNotAvailableForResourceGroup(_ location: String, available: [String]) -> ARMError {
        ARMError(
            status: 400, code: "LocationNotAvailableForResourceGroup",
            message: "The provided location '\(location)' is not available for resource group. List of available regions is "
                + "'\(available.joined(separator: ","))'.",
            fromGateway: true)
    }

    public static func locationNotAvailableForResourceType(_ location: String, type: String, available: [String]) -> ARMError {
        ARMError(
            status: 400, code: "LocationNotAvailableForResourceType",
            message: "The provided location '\(location)' is not available for resource type '\(type)'. List of available regions "
                + "for the resource type is '\(available.joined(separator: ","))'.",
            fromGateway: true)
    }

    // MARK: not found (404)

    public static func subscriptionNotFound(_ id: String) -> ARMError {
        ARMError(status: 404, code: "SubscriptionNotFound", message: "The subscription '\(id)' could not be found.", fromGateway: true)
    }

    public static let missingSubscription = ARMError(
        status: 404, code: "MissingSubscription",
        message: "The request did not have a subscription or a valid tenant level resource provider.", fromGateway: true)

    public static func resourceGroupNotFound(_ name: String) -> ARMError {
        ARMError(status: 404, code: "ResourceGroupNotFound", message: "Resource group '\(name)' could not be found.", fromGateway: true)
    }

    /// `typeAndName` is `{Namespace}/{type}/{name}` (child types: `{ns}/{type}/{name}/{child}/{childName}`).
    public static func resourceNotFound(_ typeAndName: String, resourceGroup: String) -> ARMError {
        ARMError(
            status: 404, code: "ResourceNotFound",
            message: "The Resource '\(typeAndName)' under resource group '\(resourceGroup)' was not found. For more details "
                + "please go to https://aka.ms/ARMResourceNotFoundFix",
            details: [ARMError(status: 404, code: "NotFound", message: "The requested resource does not exist.", target: typeAndName)])
    }

    /// `ResourceNotFound` for an id (`{ns}/{type}/{name}…` under its resource group).
    public static func resourceNotFound(_ id: ResourceID) -> ARMError {
        resourceNotFound(id.qualifiedName, resourceGroup: id.resourceGroup ?? "")
    }

    public static func parentResourceNotFound(operation: String, childType: String, parentID: String) -> ARMError {
        ARMError(
            status: 404, code: "ParentResourceNotFound",
            message: "Failed to perform '\(operation)' on resource(s) of type '\(childType)', because the parent resource "
                + "'\(parentID)' could not be found.",
            fromGateway: true)
    }

    public static func invalidResourceNamespace(_ namespace: String) -> ARMError {
        ARMError(
            status: 404, code: "InvalidResourceNamespace", message: "The resource namespace '\(namespace)' is invalid.",
            fromGateway: true)
    }

    public static func invalidResourceType(_ type: String, namespace: String, apiVersion: String) -> ARMError {
        ARMError(
            status: 404, code: "InvalidResourceType",
            message: "The resource type '\(type)' could not be found in the namespace '\(namespace)' for api version '\(apiVersion)'.",
            fromGateway: true)
    }

    public static func operationNotFound(_ id: String) -> ARMError {
        ARMError(status: 404, code: "OperationNotFound", message: "The operation '\(id)' could not be found.")
    }

    /// A path no route serves at all (outside every provider namespace).
    public static func noRouteFound(_ path: String) -> ARMError {
        ARMError(
            status: 404, code: "NotFound", message: "No HTTP resource was found that matches the request URI '\(path)'.",
            fromGateway: true)
    }

    // MARK: method (405) and unimplemented (501)

    public static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> ARMError {
        ARMError(
            status: 405, code: "MethodNotAllowed",
            message: "The requested resource '\(path)' does not support http method '\(method)'.",
            headers: HTTPHeaders([("Allow", allowed.joined(separator: ", "))]), fromGateway: true)
    }

    public static func notImplemented(_ what: String) -> ARMError {
        ARMError(
            status: 501, code: "NotImplemented",
            message: "The operation '\(what)' is not implemented by foundry-emulator.")
    }

    // MARK: conflicts (409) and preconditions (412)

    public static func conflict(_ message: String) -> ARMError {
        ARMError(status: 409, code: "Conflict", message: message)
    }

    public static func invalidResourceGroupLocation(new: String, existing: String) -> ARMError {
        ARMError(
            status: 409, code: "InvalidResourceGroupLocation",
            message: "Invalid resource group location '\(new)'. The Resource group already exists in location '\(existing)'.",
            fromGateway: true)
    }

    public static func resourceGroupBeingDeleted(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "ResourceGroupBeingDeleted",
            message: "The resource group '\(name)' is in deprovisioning state and cannot perform this operation.", fromGateway: true)
    }

    public static let preconditionFailed = ARMError(
        status: 412, code: "PreconditionFailed",
        message: "The condition specified using HTTP conditional header(s) is not met.")

    // MARK: throttling and server faults

    public static func subscriptionRequestsThrottled(kind: String, subscription: String, actor: String, retryAfter: Int) -> ARMError {
        ARMError(
            status: 429, code: "SubscriptionRequestsThrottled",
            message: "Number of '\(kind)' requests for subscription '\(subscription)' actor '\(actor)' exceeded. Please try again "
                + "after '\(retryAfter)' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling",
            headers: HTTPHeaders([("Retry-After", String(retryAfter))]), fromGateway: true)
    }

    public static func internalServerError(
        _ message: String = "The server encountered an internal error. Please retry the request."
    ) -> ARMError {
        ARMError(status: 500, code: "InternalServerError", message: message)
    }
}

// MARK: operator API (/_emulator/*, not part of Azure)

extension ARMError {
    public static func operatorKeyRequired(header: String) -> ARMError {
        ARMError(
            status: 401, code: "OperatorKeyRequired",
            message: "The operator API requires the header '\(header)' with the key given by --operator-key.")
    }

    public static let operatorAPILoopbackOnly = ARMError(
        status: 403, code: "OperatorApiLoopbackOnly",
        message: "The operator API answers only on loopback. Start the emulator with --operator-key to reach it from other hosts.")
}

// MARK: HTTP protocol errors answered by the server before the pipeline

extension ARMError {
    /// 413 and 431 use ARM's own codes; other protocol errors keep the server's code and text.
    public static func httpProtocolError(status: Int, code: String, message: String) -> ARMError {
        switch status {
        case 413: requestContentTooLarge(limit: 4 * 1024 * 1024)
        case 431: requestHeadersTooLarge(limit: 64 * 1024)
        default: ARMError(status: status, code: code, message: message, fromGateway: true)
        }
    }
}

// MARK: - Authorization (Microsoft.Authorization, RBAC; reference machinelearning-and-rbac.md §4)

extension ARMError {
    /// §4.6: the wording when an ABAC condition (of the assignment or of the role) decided.
    public static func authorizationFailedByCondition(client: String, objectId: String, action: String, scope: String) -> ARMError {
        ARMError(
            status: 403, code: "AuthorizationFailed",
            message: "The client '\(client)' with object id '\(objectId)' does not have authorization or an ABAC condition not "
                + "fulfilled to perform action '\(action)' over scope '\(scope)' or the scope is invalid. If access was recently "
                + "granted, please refresh your credentials.",
            fromGateway: true)
    }

    /// §4.1: live messages append the existing assignment's id without dashes.
    public static func roleAssignmentExists(existingName: String) -> ARMError {
        ARMError(
            status: 409, code: "RoleAssignmentExists",
            message: "The role assignment already exists. The ID of the existing role assignment is "
                + "\(existingName.replacingOccurrences(of: "-", with: "").lowercased()).")
    }

    public static let roleAssignmentUpdateNotPermitted = ARMError(
        status: 400, code: "RoleAssignmentUpdateNotPermitted",
        message: "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.")

    /// UNVERIFIED wording (§4.1).
    public static func roleDefinitionDoesNotExist(_ id: String) -> ARMError {
        ARMError(status: 400, code: "RoleDefinitionDoesNotExist", message: "The specified role definition with ID '\(id)' does not exist.")
    }

    /// The name segment of a role assignment or custom role must be a GUID (UNVERIFIED wording).
    public static func invalidRoleAssignmentId(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidRoleAssignmentId",
            message: "The role assignment ID '\(name)' is not valid. The role assignment ID must be a GUID.")
    }

    public static func invalidRoleDefinitionId(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidRoleDefinitionId",
            message: "The role definition ID '\(name)' is not valid. The role definition ID must be a GUID.")
    }

    public static func roleAssignmentNotFound(_ name: String) -> ARMError {
        ARMError(status: 404, code: "RoleAssignmentNotFound", message: "The role assignment '\(name)' is not found.")
    }

    public static func roleDefinitionNotFound(_ name: String) -> ARMError {
        ARMError(
            status: 404, code: "RoleDefinitionDoesNotExist", message: "The specified role definition with ID '\(name)' does not exist.")
    }

    /// A missing required property of a role assignment or definition body.
    public static func missingRoleProperty(_ property: String) -> ARMError {
        ARMError(status: 400, code: "InvalidRequestContent", message: "The request content was invalid: '\(property)' is required.",
                 target: property)
    }

    /// `condition` that does not parse, or a `conditionVersion` other than 2.0.
    public static func invalidCondition(_ detail: String) -> ARMError {
        ARMError(status: 400, code: "InvalidRoleAssignmentCondition", message: "The role assignment condition is invalid: \(detail)")
    }

    public static let invalidConditionVersion = ARMError(
        status: 400, code: "InvalidConditionVersion",
        message: "The condition version is invalid. Currently the only accepted value is '2.0'.")

    public static func roleDefinitionWithSameNameExists(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "RoleDefinitionWithSameNameExists", message: "A custom role with the same name '\(name)' already exists.")
    }

    public static func builtInRoleNotModifiable(_ name: String) -> ARMError {
        ARMError(
            status: 403, code: "RoleDefinitionNotModifiable",
            message: "The built-in role definition '\(name)' cannot be modified or deleted.")
    }

    public static func invalidAssignableScope(_ scope: String) -> ARMError {
        ARMError(status: 400, code: "InvalidAssignableScope", message: "The assignable scope '\(scope)' is not valid.")
    }

    public static func scopeNotAssignable(_ scope: String, role: String) -> ARMError {
        ARMError(
            status: 400, code: "ScopeNotAllowed",
            message: "The role definition '\(role)' is not assignable at scope '\(scope)'; it is not under one of its assignableScopes.")
    }

    public static func roleDefinitionHasAssignments(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "RoleDefinitionHasAssignments", message: "There are existing role assignments referencing role '\(name)'.")
    }

    public static func unsupportedRoleFilter(_ filter: String) -> ARMError {
        ARMError(status: 400, code: "UnsupportedQueryParameter", message: "The filter '\(filter)' is not supported.")
    }
}

extension ARMError {
    /// §4.1 (S8), used when the principal is unknown and no `principalType` was given.
    public static func principalNotFound(_ principalId: String, tenantId: String) -> ARMError {
        ARMError(
            status: 400, code: "PrincipalNotFound",
            message: "Principal \(principalId.replacingOccurrences(of: "-", with: "")) does not exist in the directory \(tenantId). "
                + "Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a "
                + "role, this error might be related to a replication delay. In this case, set the role assignment principalType "
                + "property to a value, "
                + "such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype")
    }

    public static func invalidScope(_ scope: String) -> ARMError {
        ARMError(status: 400, code: "InvalidScope", message: "The scope '\(scope)' is not valid.")
    }
}

// (Authorization, continued) Graph-lite and the RBAC operator API: not ARM, Microsoft Graph's and the emulator's own errors.

extension ARMError {
    /// Microsoft Graph's answer for an object id it does not hold.
    public static func graphResourceNotFound(_ id: String) -> ARMError {
        ARMError(
            status: 404, code: "Request_ResourceNotFound",
            message: "Resource '\(id)' does not exist or one of its queried reference-property objects are not present.")
    }

    /// Graph's answer to an unsupported or malformed `$filter`.
    public static func graphUnsupportedQuery(_ filter: String) -> ARMError {
        ARMError(
            status: 400, code: "Request_UnsupportedQuery", message: "Unsupported or invalid query filter clause specified: '\(filter)'.")
    }

    /// `GET /v1.0/me` with an application token.
    public static let graphMeNeedsDelegatedToken = ARMError(
        status: 400, code: "BadRequest", message: "/me request is only valid with delegated authentication flow.")

    public static func graphBadRequest(_ message: String) -> ARMError {
        ARMError(status: 400, code: "Request_BadRequest", message: message)
    }

    /// Operator API: a principal that cannot be created (duplicate UPN, bad input).
    public static func principalConflict(_ message: String) -> ARMError {
        ARMError(status: 409, code: "PrincipalConflict", message: message)
    }
}
