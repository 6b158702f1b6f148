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
