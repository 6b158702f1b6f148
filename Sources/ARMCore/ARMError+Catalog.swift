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
        HTTPHeaders([
            (
                "WWW-Authenticate",
                "Bearer authorization_uri=\"\(tenantAuthority)\", error=\"invalid_token\", error_description=\"\(description)\""
            )
        ])
    }

    public static func authenticationFailed(authority: String) -> ARMError {
        ARMError(
            status: 401, code: "AuthenticationFailed",
            message: "Authentication failed. The 'Authorization' header is missing.",
            headers: bearerChallenge(
                tenantAuthority: authority,
                description: "The authentication failed because of missing "
                    + "'Authorization' header."),
            fromGateway: true)
    }

    public static func authenticationFailedInvalidHeader(authority: String) -> ARMError {
        ARMError(
            status: 401, code: "AuthenticationFailedInvalidHeader",
            message: "Authentication failed. The 'Authorization' header is provided in an invalid format.",
            headers: bearerChallenge(
                tenantAuthority: authority,
                description: "The authentication failed because of invalid "
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

    /// A fault rule's error. Without a code, the status's usual ARM code and text.
    public static func injectedFault(status: Int, code: String?, message: String?) -> ARMError {
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

    public static func invalidFaultRule(_ reason: String) -> ARMError {
        ARMError(status: 400, code: "InvalidFaultRule", message: "The fault rule is invalid: \(reason)")
    }

    public static func tooManyFaultRules(limit: Int) -> ARMError {
        ARMError(
            status: 400, code: "TooManyFaultRules",
            message: "At most \(limit) fault rules can be active. DELETE /_emulator/faults clears them.")
    }

    public static func faultRuleNotFound(_ id: String) -> ARMError {
        ARMError(status: 404, code: "FaultRuleNotFound", message: "There is no fault rule with id '\(id)'.")
    }

    public static func invalidDataPlaneRule(_ reason: String) -> ARMError {
        ARMError(status: 400, code: "InvalidDataPlaneRule", message: "The data-plane rule is invalid: \(reason)")
    }

    public static func dataPlaneRuleNotFound(_ id: String) -> ARMError {
        ARMError(status: 404, code: "DataPlaneRuleNotFound", message: "There is no data-plane rule with id '\(id)'.")
    }
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

// MARK: - template deployments (Microsoft.Resources/deployments, reference §4.6)

extension ARMError {
    /// A template that cannot be evaluated: 400 `InvalidTemplate` (reference §4.6).
    public static func invalidTemplate(_ reason: String) -> ARMError {
        ARMError(status: 400, code: "InvalidTemplate", message: "Deployment template validation failed: '\(reason)'.")
    }

    /// Validation failure of a deployment: 400 `InvalidTemplateDeployment`, inner errors in `details`.
    public static func invalidTemplateDeployment(_ name: String, trackingID: String, details: [ARMError]) -> ARMError {
        ARMError(
            status: 400, code: "InvalidTemplateDeployment",
            message:
                "The template deployment '\(name)' is not valid according to the validation procedure. The tracking id is '\(trackingID)'. See inner errors for details.",
            details: details)
    }

    /// The deployment-level error of a failed deployment; the failed resources' errors are its details.
    public static func deploymentFailed(target: String, details: [ARMError]) -> ARMError {
        ARMError(
            status: 400, code: "DeploymentFailed",
            message:
                "At least one resource deployment operation failed. Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.",
            target: target, details: details)
    }

    /// A resource whose asynchronous provisioning ended in `Failed` without an error of its own.
    public static let resourceDeploymentFailure = ARMError(
        status: 400, code: "ResourceDeploymentFailure",
        message: "The resource operation completed with terminal provisioning state 'Failed'.")

    public static func deploymentNotFound(_ name: String) -> ARMError {
        ARMError(status: 404, code: "DeploymentNotFound", message: "Deployment '\(name)' could not be found.")
    }

    public static func deploymentOperationNotFound(_ operationID: String, deployment: String) -> ARMError {
        ARMError(
            status: 404, code: "DeploymentOperationNotFound",
            message: "The operation '\(operationID)' of deployment '\(deployment)' could not be found.")
    }

    /// Deployment names: 1-64 characters of `^[-\w\._\(\)]+$` (reference §4.6; code per its recommendation).
    public static func invalidDeploymentName(_ name: String, invalid: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidDeploymentName",
            message:
                "The provided deployment name '\(name)' has these invalid characters: '\(invalid)'. The name can only be a letter, digit, '-', '.', '_', '(' or ')' and must be 1 to 64 characters long."
        )
    }

    /// A deployment body without its required parts (`properties`, `mode`, `template`).
    public static func invalidDeploymentRequest(_ message: String) -> ARMError {
        ARMError(status: 400, code: "InvalidRequestContent", message: message)
    }

    public static func deploymentCannotBeCanceled(_ name: String, state: String) -> ARMError {
        ARMError(
            status: 409, code: "DeploymentCannotBeCancelled",
            message: "The deployment '\(name)' cannot be cancelled because it is in the terminal state '\(state)'.")
    }

    /// A template resource whose type no registered provider serves (`NoRegisteredProviderFound` /
    /// `InvalidResourceType`, reference §5.1), reported inside `InvalidTemplateDeployment`.
    public static func templateResourceTypeNotFound(_ type: String, apiVersion: String) -> ARMError {
        let parts = type.split(separator: "/", maxSplits: 1).map(String.init)
        return ARMError(
            status: 400, code: "InvalidResourceType",
            message:
                "The resource type '\(parts.count > 1 ? parts[1] : type)' could not be found in the namespace '\(parts[0])' for api version '\(apiVersion)'.",
            target: type)
    }
}

// MARK: - Microsoft.CognitiveServices (issue 4; reference arm-and-cognitiveservices.md §1.10, §2.6)

extension ARMError {
    /// `{acct}` breaks `^[a-zA-Z0-9][a-zA-Z0-9_.-]*$` or 2-64 characters (§1.11).
    public static let invalidAccountName = ARMError(
        status: 400, code: "InvalidAccountName",
        message: "The account name is invalid. Account name can only include alphanumeric characters, underscores and hyphens; "
            + "Account name only allows 2 to 64 characters.")

    /// Unknown or unsupported `kind` [ISSUE azure-cli#6190, azurechat#274: "HTTP 400 InvalidApiSetId"].
    public static func invalidApiSetId(kind: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidApiSetId",
            message: "The account type '\(kind)' is either invalid or unavailable in given region.")
    }

    /// A SKU the kind does not offer (§1.10 `SpecialFeatureOrQuotaIdRequired`).
    public static func specialFeatureOrQuotaIdRequired(sku: String, kind: String) -> ARMError {
        ARMError(
            status: 400, code: "SpecialFeatureOrQuotaIdRequired",
            message: "The subscription does not have QuotaId/Feature required by SKU '\(sku)' from kind '\(kind)' or contains "
                + "blocked QuotaId/Feature.")
    }

    public static func customDomainInUse(_ subdomain: String) -> ARMError {
        ARMError(
            status: 409, code: "CustomDomainInUse",
            message: "Please pick a different name. The subdomain name '\(subdomain)' is not available as it's already used by a "
                + "resource. If the resource using the name was deleted in the last 48 hours, you may need to purge the deleted "
                + "resource. Learn more at \"https://go.microsoft.com/fwlink/?linkid=2215493\"")
    }

    /// EMULATOR CHOICE ([GAP] §1.2.2: the real text for changing an immutable subdomain was not found).
    public static func customSubDomainNameImmutable(existing: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The customSubDomainName '\(existing)' of an account cannot be changed once it is set.")
    }

    /// EMULATOR CHOICE: a subdomain that is not a DNS label ([GAP] §1.11).
    public static func invalidCustomSubDomainName(_ subdomain: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidCustomSubDomainName",
            message: "The custom subdomain name '\(subdomain)' is invalid. It must be 2 to 64 lowercase letters, digits or hyphens, "
                + "starting and ending with a letter or digit.")
    }

    public static func flagMustBeSetForRestore(id: String) -> ARMError {
        ARMError(
            status: 409, code: "FlagMustBeSetForRestore",
            message: "An existing resource with ID '\(id)' has been soft-deleted. To restore the resource, you must specify 'restore' "
                + "to be 'true' in the property. If you don't want to restore existing resource, please purge it first.")
    }

    /// EMULATOR CHOICE: `restore: true` when nothing is soft-deleted under that name ([GAP]).
    public static func deletedAccountNotFound(_ name: String, resourceGroup: String) -> ARMError {
        ARMError(
            status: 404, code: "ResourceNotFound",
            message: "The soft-deleted account '\(name)' under resource group '\(resourceGroup)' was not found, so it cannot be "
                + "restored.")
    }

    /// regenerateKey with a key name other than Key1/Key2 [ISSUE azure-cli#18407].
    public static func invalidKeyName(_ name: String) -> ARMError {
        ARMError(status: 400, code: "BadRequest", message: "The key name '\(name)' is invalid. Valid values are 'Key1' and 'Key2'.")
    }

    /// Keys with `disableLocalAuth` true: "Failed to list key. disableLocalAuth is set to be true."
    /// (the text the service is reported to answer; the reference marks it [GAP], §1.7).
    public static func localAuthDisabled(operation: String) -> ARMError {
        ARMError(status: 400, code: "BadRequest", message: "Failed to \(operation) key. disableLocalAuth is set to be true")
    }

    /// RequestConflict: the parent account is not in a terminal state (§2.6).
    public static func requestConflict(parentID: String) -> ARMError {
        ARMError(
            status: 409, code: "RequestConflict",
            message: "Another operation is being performed on the parent resource '\(parentID)'. Please try again later.")
    }

    /// Unknown model for this kind and region (§2.6, the 2024 wording).
    public static func deploymentModelNotSupported(format: String, name: String, version: String) -> ARMError {
        ARMError(
            status: 400, code: "DeploymentModelNotSupported",
            message: "The model 'Publisher: , Format: \(format), Name: \(name), Version: \(version), Source: , SourceAccount: ' of "
                + "account deployment is not supported.")
    }

    /// A version whose lifecycle status is `Deprecated` before its inference date passes
    /// (github.com/Azure/bicep-registry-modules/issues/450, github.com/akshata29/entaoai/issues/30).
    public static func deploymentModelRetired(name: String) -> ARMError {
        ARMError(
            status: 400, code: "DeploymentModelNotSupported",
            message: "Creating account deployment is not supported by the model '\(name)'. This is usually because there are "
                + "better models available for the similar functionality.")
    }

    /// `sku.name` not among the model's SKUs (§2.6).
    public static func deploymentSkuNotSupported(sku: String, model: String, version: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceProperties",
            message: "The specified SKU '\(sku)' of account deployment is not supported by the model '\(model)' version: '\(version)'.")
    }

    /// `InvalidCapacity`: capacity outside the SKU's `capacity{minimum,maximum}` range, as the service
    /// answered in 2026 ("The specified capacity '-1780' of account deployment should be at least 1 and
    /// no more than 1000000.", github.com/microsoft/microsoft-foundry-for-vscode/issues/331; the 2023 text
    /// "should be greater than 0 and no more than 3." is in github.com/Azure/business-process-automation/issues/259).
    public static func deploymentCapacityInvalid(_ capacity: Int, minimum: Int, maximum: Int) -> ARMError {
        ARMError(
            status: 400, code: "InvalidCapacity",
            message: "The specified capacity '\(capacity)' of account deployment should be at least \(minimum) and no more than "
                + "\(maximum).")
    }

    /// EMULATOR CHOICE (no public capture of the service's text): capacity inside the range but not a
    /// multiple of the SKU's `capacity.step` (provisioned SKUs step by 5, 25, 50, ...).
    public static func deploymentCapacityStep(_ capacity: Int, step: Int) -> ARMError {
        ARMError(
            status: 400, code: "InvalidCapacity",
            message: "The specified capacity '\(capacity)' of account deployment should be a multiple of \(step).")
    }

    /// `ServiceModelDeprecated`: the model version's `deprecation.inference` date has passed
    /// ("The model 'Format:OpenAI,Name:gpt-4o-mini,Version:2024-07-18' has been deprecated since 03/31/2026 00:00:00.",
    /// github.com/microsoft/microsoft-foundry-for-vscode/issues/491; the same shape in
    /// github.com/Azure-Samples/Azure-Functions-OpenAI-Demo/issues/30). `since` is `MM/dd/yyyy HH:mm:ss`.
    public static func serviceModelDeprecated(format: String, name: String, version: String, since: String) -> ARMError {
        ARMError(
            status: 400, code: "ServiceModelDeprecated",
            message: "The model 'Format:\(format),Name:\(name),Version:\(version)' has been deprecated since \(since).")
    }

    /// `ServiceModelDeprecating`: a version in the `Deprecating` lifecycle state takes no new deployments
    /// ("The model 'Publisher:xAI,Format:xAI,Name:grok-4-fast-reasoning,Version:1' is in deprecating state and
    /// cannot be used for new deployments.", github.com/microsoft/microsoft-foundry-for-vscode/issues/557).
    public static func serviceModelDeprecating(format: String, name: String, version: String) -> ARMError {
        ARMError(
            status: 400, code: "ServiceModelDeprecating",
            message: "The model 'Publisher:\(format),Format:\(format),Name:\(name),Version:\(version)' is in deprecating state and "
                + "cannot be used for new deployments.")
    }

    /// §2.6 note: the emulator's recommended text for changing an existing deployment's model.
    public static let deploymentModelChange = ARMError(
        status: 400, code: "InvalidResourceProperties",
        message: "Changing the model of an existing deployment is not supported.")

    /// EMULATOR CHOICE ([GAP]): a kind without model deployments (Speech, ContentSafety, ...).
    public static func deploymentsNotSupported(kind: String) -> ARMError {
        ARMError(
            status: 400, code: "OperationNotSupported",
            message: "The account kind '\(kind)' does not support model deployments.")
    }

    /// `InsufficientQuota`: the capacity fits the SKU's range but not the subscription's free quota
    /// for the usage name in the region (text from github.com/microsoft/PubSec-Info-Assistant/issues/880,
    /// Azure-Samples/azure-search-openai-demo#2249); `quotaName` is the usage's `localizedValue`.
    public static func insufficientQuota(requested: Int, available: Int, used: Int, limit: Int, quotaName: String) -> ARMError {
        ARMError(
            status: 400, code: "InsufficientQuota",
            message: "This operation require \(requested) new capacity in quota \(quotaName), which is bigger than the current "
                + "available capacity \(available). The current quota usage is \(used) and the quota limit is \(limit) for quota "
                + "\(quotaName).")
    }

    /// A property with a missing or wrongly typed value (EMULATOR CHOICE wording).
    public static func invalidResourceProperties(_ message: String) -> ARMError {
        ARMError(status: 400, code: "InvalidResourceProperties", message: message)
    }

    /// `raiPolicyName` on a deployment that names no policy of the account (EMULATOR CHOICE, [GAP]).
    public static func raiPolicyNotFound(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceProperties",
            message: "The specified RAI policy '\(name)' of account deployment does not exist.")
    }

    /// EMULATOR CHOICE ([GAP] §3.3): built-in policies cannot be changed or deleted.
    public static func raiPolicySystemManaged(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The RAI policy '\(name)' is system managed and cannot be modified or deleted.")
    }

    /// EMULATOR CHOICE ([GAP] §3.1): projects need kind AIServices with allowProjectManagement.
    public static func projectManagementNotAllowed(account: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "Project management is not enabled on account '\(account)'. Set properties.allowProjectManagement to true on "
                + "an account of kind 'AIServices' to create projects.")
    }

    /// [GAP] §3.1: deleting the default project while others exist.
    public static func defaultProjectDeletion(_ project: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The default project '\(project)' cannot be deleted while the account has other projects. Delete the other "
                + "projects first.")
    }

    /// Invalid child names (deployments, projects, connections, raiPolicies): EMULATOR CHOICE wording.
    public static func invalidChildName(_ name: String, kind: String, rule: String) -> ARMError {
        ARMError(status: 400, code: "InvalidResourceName", message: "The \(kind) name '\(name)' is invalid. \(rule)")
    }

    /// Projects and accounts must share a region.
    public static func projectLocationMismatch(_ location: String, account: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The project location '\(location)' must match the location '\(account)' of its parent account.")
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
        ARMError(
            status: 400, code: "InvalidRequestContent", message: "The request content was invalid: '\(property)' is required.",
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

// Microsoft.Features and resource provider registration (docs/served.md "Microsoft.Features").

extension ARMError {
    /// A write to a namespace the subscription unregistered: ARM's 409, as azure-cli's recordings
    /// and https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider show.
    public static func missingSubscriptionRegistration(_ namespace: String) -> ARMError {
        let message =
            "The subscription is not registered to use namespace '\(namespace)'. See https://aka.ms/rps-not-found for how to "
            + "register subscriptions."
        return ARMError(
            status: 409, code: "MissingSubscriptionRegistration", message: message, target: namespace,
            details: [ARMError(status: 409, code: "MissingSubscriptionRegistration", message: message, target: namespace)],
            fromGateway: true)
    }

    /// A feature the emulator's catalog does not hold (EMULATOR CHOICE: Azure's text is not recorded publicly).
    public static func featureNotFound(_ namespace: String, _ feature: String) -> ARMError {
        ARMError(status: 404, code: "FeatureNotFound", message: "The feature '\(feature)' could not be found in namespace '\(namespace)'.")
    }

    /// An operation that needs a feature the subscription unregistered (EMULATOR CHOICE, in the
    /// wording of Azure's "not registered for feature" errors).
    public static func subscriptionNotRegisteredForFeature(subscriptionID: String, namespace: String, feature: String) -> ARMError {
        ARMError(
            status: 400, code: "SubscriptionNotRegisteredForFeature",
            message: "Subscription '\(subscriptionID)' is not registered for feature \(namespace)/\(feature) required to carry out the "
                + "requested operation.")
    }

    /// Microsoft.Resources, Microsoft.Authorization and Microsoft.Features cannot be unregistered.
    public static func providerCannotBeUnregistered(_ namespace: String) -> ARMError {
        ARMError(
            status: 409, code: "ResourceProviderUnregistrationNotAllowed",
            message: "The resource provider namespace '\(namespace)' is required by Azure Resource Manager and cannot be unregistered.")
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

    /// A Graph write by a caller without directory rights (docs/rbac-and-hub-proxy.md "Directory
    /// rights"); Graph's text, which `az` matches on ("insufficient privileges") to explain it.
    public static let graphAuthorizationRequestDenied = ARMError(
        status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.")

    /// A second service principal for the same application: Graph's 409, as reported in
    /// Azure/reliable-web-app-pattern-java#185.
    public static func graphServicePrincipalNameInUse(_ appId: String) -> ARMError {
        ARMError(
            status: 409, code: "Request_MultipleObjectsWithSameKeyValue",
            message: "The service principal cannot be created, updated, or restored because the service principal name \(appId) "
                + "is already in use.")
    }

    /// `POST /servicePrincipals` for an appId no application has; `az ad sp create-for-rbac` matches
    /// " does not reference " to retry while Entra replicates.
    public static func graphAppIdNotReferenced(_ appId: String) -> ARMError {
        graphBadRequest("The appId '\(appId)' of the service principal does not reference a valid application object.")
    }

    /// A user whose UPN is taken, or a property that must be unique (Graph's wording).
    public static func graphDuplicateProperty(_ property: String) -> ARMError {
        graphBadRequest("Another object with the same value for property \(property) already exists.")
    }

    /// A UPN outside the tenant's domains.
    public static let graphInvalidUPNDomain = ARMError(
        status: 400, code: "Request_BadRequest",
        message: "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in "
            + "your organization.")

    /// Adding a member that already is one (`az ad group member add` says Graph is not idempotent here).
    public static let graphMemberExists = ARMError(
        status: 400, code: "Request_BadRequest",
        message: "One or more added object references already exist for the following modified properties: 'members'.")

    /// A required property missing from a Graph create body.
    public static func graphMissingProperty(_ property: String) -> ARMError {
        graphBadRequest("Property '\(property)' is required but was not provided.")
    }

    /// Operator API: a principal that cannot be created (duplicate UPN, bad input).
    public static func principalConflict(_ message: String) -> ARMError {
        ARMError(status: 409, code: "PrincipalConflict", message: message)
    }
}

// MARK: - Machine Learning workspaces (hubs, projects, connections, children) and their dependents
// (Storage, Key Vault, Container Registry, Application Insights). Texts quoted from the real service
// where the reference has them (machinelearning-and-rbac.md §1.7); the others are EMULATOR CHOICE
// in the same style.

extension ARMError {
    /// Workspace, connection and outbound-rule names: `^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$` (§1, §2, §3.1).
    public static func invalidWorkspaceChildName(_ name: String, type: String) -> ARMError {
        invalidResourceName(
            name, type: type,
            rule: "The name must be 3 to 33 characters long, start with a letter or digit, and contain only letters, digits, "
                + "'_' and '-'.")
    }

    public static func invalidWorkspaceKind(_ kind: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "Workspace kind '\(kind)' is not supported. Supported kinds are 'Default', 'Hub' and 'Project'.")
    }

    /// "Converting a regular workspace into a hub workspace: Not supported." (§1.6)
    public static func workspaceKindImmutable(existing: String, requested: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The kind of workspace cannot be changed from '\(existing)' to '\(requested)'.")
    }

    public static let projectHubResourceIdRequired = ARMError(
        status: 400, code: "BadRequest",
        message: "A workspace of kind 'Project' must specify the ARM id of its hub workspace in 'properties.hubResourceId'.")

    /// EMULATOR CHOICE from the reference (§1.7): a missing hub or a non-hub.
    public static func hubWorkspaceNotFound(_ hubResourceId: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "Hub workspace '\(hubResourceId)' was not found or is not of kind 'Hub'.")
    }

    public static func hubResourceIdImmutable(existing: String, requested: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The hubResourceId of a project workspace cannot be changed after creation (from '\(existing)' to "
                + "'\(requested)').")
    }

    /// The real service's text (Azure-Samples/ai-studio-in-a-box#5), spelling included.
    public static let projectManagedNetwork = ARMError(
        status: 400, code: "BadRequest", message: "Project workspace shouldn't define it's own managed network properties.")

    /// azure-ai-ml's client-side check, applied by the emulator on the server (§1.7).
    public static func projectDependentResource(_ property: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "To create a project workspace with a workspace hub, please only specify name, description, display_name, "
                + "location, application insight and identity. The project inherits '\(property)' from its hub.",
            target: "properties." + property)
    }

    public static func projectLocationMismatch(location: String, hubLocation: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The location of a project workspace must match that of its hub: '\(location)' was given, the hub is in "
                + "'\(hubLocation)'.",
            target: "location")
    }

    /// `storageAccount` and `keyVault` "cannot be changed once the workspace has been created" (§1.3).
    public static func workspacePropertyImmutable(_ property: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The property '\(property)' cannot be changed once the workspace has been created.",
            target: "properties." + property)
    }

    public static func workspaceInvalidValue(_ property: String, value: String, allowed: [String]) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The value '\(value)' of '\(property)' is invalid. Allowed values are: \(allowed.joined(separator: ", ")).",
            target: property)
    }

    public static func workspaceMissingProperty(_ property: String) -> ARMError {
        ARMError(status: 400, code: "BadRequest", message: "The property '\(property)' is required.", target: property)
    }

    public static func dependentResourceGroupNotFound(_ property: String, id: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The resource '\(id)' given in '\(property)' cannot be used: its subscription or resource group does not "
                + "exist.",
            target: "properties." + property)
    }

    /// Deleting a hub with projects: behaviour UNKNOWN in Azure; EMULATOR CHOICE 409 (§1.7).
    public static func hubHasProjects(_ hub: String, projects: [String]) -> ARMError {
        ARMError(
            status: 409, code: "Conflict",
            message: "Hub workspace '\(hub)' still has project workspaces: \(projects.joined(separator: ", ")). Delete the "
                + "projects first.")
    }

    /// A soft-deleted workspace keeps its name until purged (§1.8, concept-soft-delete).
    public static func workspaceSoftDeleted(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "Conflict",
            message: "Workspace '\(name)' is in soft-deleted state. Purge it (DELETE with forceToPurge=true) or recover it before "
                + "reusing the name.")
    }

    /// Missing ML child resources: the reference's EMULATOR CHOICE `NotFound` (§8).
    public static func workspaceChildNotFound(_ kind: String, name: String, workspace: String) -> ARMError {
        ARMError(status: 404, code: "NotFound", message: "\(kind) '\(name)' was not found in workspace '\(workspace)'.")
    }

    public static func hubConnectionReadOnlyInProject(_ name: String, hub: String) -> ARMError {
        ARMError(
            status: 409, code: "Conflict",
            message: "Connection '\(name)' belongs to hub workspace '\(hub)' and is shared with this project; it can only be "
                + "changed or deleted through the hub.")
    }

    public static func missingQueryParameter(_ name: String, allowed: [String]) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The query parameter '\(name)' is required. Allowed values are: \(allowed.joined(separator: ", ")).",
            target: name)
    }

    public static func computeActionNotAllowed(_ action: String, compute: String, state: String) -> ARMError {
        ARMError(
            status: 409, code: "Conflict",
            message: "Cannot \(action) compute instance '\(compute)' while it is in state '\(state)'.")
    }

    public static func computeTypeNotSupported(_ type: String) -> ARMError {
        ARMError(
            status: 501, code: "NotImplemented",
            message: "Compute type '\(type)' is not implemented by foundry-emulator; only 'ComputeInstance' is.")
    }

    /// ARM's own check for tracked resources: a PUT cannot move an existing resource.
    public static func invalidResourceLocation(name: String, existing: String, resourceGroup: String, requested: String) -> ARMError {
        ARMError(
            status: 409, code: "InvalidResourceLocation",
            message: "The resource '\(name)' already exists in location '\(existing)' in resource group '\(resourceGroup)'. A resource "
                + "with the same name cannot be created in location '\(requested)'. Please select a new resource name.",
            fromGateway: true)
    }

    // Dependents

    public static func storageAccountNameInvalid(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "AccountNameInvalid",
            message: "\(name) is not a valid storage account name. Storage account name must be between 3 and 24 characters in "
                + "length and use numbers and lower-case letters only.")
    }

    public static func vaultNameNotValid(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "VaultNameNotValid",
            message: "The vault name '\(name)' is invalid. A vault's name must be between 3-24 alphanumeric characters. The name "
                + "must begin with a letter, end with a letter or digit, and not contain consecutive hyphens.")
    }

    /// Storage account names are global: a PUT of a name another group or subscription holds
    /// (Microsoft.Storage error codes, https://learn.microsoft.com/rest/api/storagerp/srp-error-codes).
    public static func storageAccountAlreadyTaken(_ name: String) -> ARMError {
        ARMError(status: 409, code: "StorageAccountAlreadyTaken", message: "The storage account named \(name) is already taken.")
    }

    /// `regenerateKey` with a key name other than key1/key2 (kerb keys are not modelled).
    public static func storageInvalidKeyName(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidValuesForRequestParameters",
            message: "Values for request parameters are invalid: keyName '\(name)'. Valid key names are key1 and key2.")
    }

    /// Vault names are global; the text is the one checkNameAvailability gives for a taken name
    /// (its opening quoted in Azure/azure-powershell's Test-AzKeyVaultNameAvailability example).
    public static func vaultAlreadyExists(_ name: String) -> ARMError {
        ARMError(status: 409, code: "VaultAlreadyExists", message: vaultNameInUseMessage(name))
    }

    public static func vaultNameInUseMessage(_ name: String) -> String {
        "The vault name '\(name)' is already in use. Vault names are globally unique so it is possible that the name is already taken. "
            + "If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently "
            + "deleted but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault "
            + "will need to be purged before reusing the name."
    }

    /// A PUT of a vault whose name is soft-deleted (without `createMode: recover`).
    public static func vaultInDeletedState(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "ConflictError",
            message: "A vault with the same name already exists in deleted state. You need to either recover or purge existing key "
                + "vault '\(name)'.")
    }

    /// `createMode: recover` with no soft-deleted vault of that name.
    public static func deletedVaultNotFound(_ name: String) -> ARMError {
        ARMError(status: 404, code: "ResourceNotFound", message: "The deleted vault '\(name)' was not found.")
    }

    public static func containerNameInvalid(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "ContainerNameInvalid",
            message: "The specified container name '\(name)' is invalid. Container names must be 3 to 63 characters long and "
                + "contain only lower-case letters, digits and single hyphens, starting with a letter or digit.")
    }

    public static func secretNameInvalid(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The secret name '\(name)' is invalid. Secret names must be 1 to 127 characters long and contain only "
                + "letters, digits and '-'.")
    }
}

// MARK: - Hub control-plane proxy (ControlPlaneProxy)

extension ARMError {
    /// ARM's gateway answer when the RP behind a proxied call cannot be reached or answers
    /// something that is not HTTP/JSON (EMULATOR CHOICE: ARM's `BadGateway` wording).
    public static func proxyBadGateway(_ url: String, reason: String) -> ARMError {
        ARMError(
            status: 502, code: "BadGateway",
            message: "The gateway received an invalid response from the resource manager at '\(url)' that owns the account: \(reason)",
            fromGateway: true)
    }

    /// ARM's `GatewayTimeout` when the target does not answer within `--proxy-timeout`.
    public static func proxyGatewayTimeout(_ url: String, milliseconds: Int) -> ARMError {
        ARMError(
            status: 504, code: "GatewayTimeout",
            message: "The gateway did not receive a response from the resource manager at '\(url)' within the specified time period "
                + "(\(milliseconds) ms).",
            fromGateway: true)
    }

    /// A connection or endpoint whose Azure AI services / Azure OpenAI account cannot be told.
    public static func proxyAccountUnresolved(_ kind: String, name: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "\(kind) '\(name)' does not name an Azure OpenAI or Azure AI services account: set "
                + (kind == "Connection" ? "'properties.metadata.ResourceId'" : "'properties.associatedResourceId'")
                + " to the account's resource id.")
    }

    public static func invalidEndpointName(_ name: String) -> ARMError {
        invalidResourceName(
            name, type: "Microsoft.MachineLearningServices/workspaces/endpoints",
            rule: "The name must be 3 to 33 characters long, start with a letter or digit, and contain only letters, digits, "
                + "'_', '.' and '-'.")
    }

    public static func invalidProxyDeploymentName(_ name: String) -> ARMError {
        invalidResourceName(
            name, type: "Microsoft.MachineLearningServices/workspaces/connections/deployments",
            rule: "The name must be 3 to 33 characters long, start with a letter or digit, and contain only letters, digits, "
                + "'_' and '-'.")
    }

    public static func proxyEndpointTypeNotImplemented(_ type: String) -> ARMError {
        ARMError(
            status: 501, code: "NotImplemented",
            message: "Endpoints of type '\(type)' are not implemented by foundry-emulator's hub proxy; only 'Azure.OpenAI', "
                + "'Azure.Speech', 'Azure.ContentSafety' and 'Azure.Llama' endpoints backed by an account are.")
    }
}

// MARK: - ML finish: linked access checks (issue 3; reference machinelearning-and-rbac.md §1.7, §4.6)

extension ARMError {
    /// ARM's answer when the caller may write the resource but not act on a resource it links to,
    /// e.g. a project's `hubResourceId` needs `workspaces/hubs/join/action` on the hub (§4.6; the
    /// current wording, with "(s)" and "(respectively)").
    public static func linkedAuthorizationFailed(
        client: String, objectId: String, action: String, scope: String, linkedAction: String, linkedScope: String
    ) -> ARMError {
        ARMError(
            status: 403, code: "LinkedAuthorizationFailed",
            message: "The client '\(client)' with object id '\(objectId)' has permission to perform action '\(action)' on scope "
                + "'\(scope)'; however, it does not have permission to perform action(s) '\(linkedAction)' on the linked scope(s) "
                + "'\(linkedScope)' (respectively) or the linked scope(s) are invalid.",
            fromGateway: true)
    }
}

// MARK: - durable state (issue 6 §1: --data-dir, /_emulator/state)

extension ARMError {
    /// EMULATOR CHOICE: an operation whose work was lost because the emulator stopped while it ran
    /// ends Failed with this error on restart (Azure never strands an operation InProgress).
    public static let operationInterrupted = ARMError(
        status: 500, code: "OperationInterrupted",
        message: "The operation was interrupted because the emulator stopped before it finished. Retry the request.")

    /// `PUT /_emulator/state` with a document that is not a state export; nothing was changed.
    public static func invalidStateDocument(_ reason: String) -> ARMError {
        ARMError(status: 400, code: "InvalidStateDocument", message: "The state document is invalid: \(reason) Nothing was changed.")
    }

    /// The journal could not be written or flushed: the change may not survive a restart, so the
    /// request is not acknowledged.
    public static func stateNotDurable(_ reason: String) -> ARMError {
        ARMError(
            status: 500, code: "StateNotDurable",
            message: "The change could not be made durable in the data directory (\(reason)). It may be lost on restart.")
    }
}
