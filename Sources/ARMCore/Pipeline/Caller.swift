/// Who made an ARM request, taken from the validated bearer token. RBAC and `systemData` use it.
package struct Caller: Sendable, Equatable {
    package enum PrincipalType: String, Sendable {
        case user = "User"
        case servicePrincipal = "ServicePrincipal"
        case managedIdentity = "ManagedIdentity"
    }

    /// `oid`: the principal's object id; role assignments name it as `principalId`.
    package var objectId: String
    /// `tid`.
    package var tenantId: String
    /// `appid`/`azp` for applications; nil for users signed in without one.
    package var appId: String?
    package var principalType: PrincipalType
    /// `upn` for users, else the display name if known.
    package var userPrincipalName: String?
    package var displayName: String?
    /// `aud` of the token: ARM accepts any audience, the data plane only its own
    /// (`https://cognitiveservices.azure.com`, `https://ai.azure.com`, `https://ml.azure.com`).
    package var audience: String?

    package init(
        objectId: String, tenantId: String, appId: String? = nil, principalType: PrincipalType,
        userPrincipalName: String? = nil, displayName: String? = nil, audience: String? = nil
    ) {
        self.objectId = objectId
        self.tenantId = tenantId
        self.appId = appId
        self.principalType = principalType
        self.userPrincipalName = userPrincipalName
        self.displayName = displayName
        self.audience = audience
    }

    /// How ARM names the client in `AuthorizationFailed` and `systemData.createdBy`:
    /// the UPN for users, the application id for applications.
    package var clientName: String { userPrincipalName ?? appId ?? objectId }

    /// `systemData.createdByType`: User | Application | ManagedIdentity.
    package var systemDataType: String {
        switch principalType {
        case .user: "User"
        case .servicePrincipal: "Application"
        case .managedIdentity: "ManagedIdentity"
        }
    }
}
