import ARMCore
import Foundation

/// Application registrations and their password credentials (Graph writes, docs/rbac-and-hub-proxy.md).
/// An application's service principal signs in with the application's secrets, as in Entra.
extension Directory {
    package var applications: [Application] { state.withLock { $0.applications } }

    package func application(objectId: String) -> Application? {
        let id = objectId.lowercased()
        return state.withLock { $0.applications.first { $0.objectId == id } }
    }

    package func application(appId: String) -> Application? {
        let id = appId.lowercased()
        return state.withLock { $0.applications.first { $0.appId == id } }
    }

    /// A new application in `tenantId` with fresh object and application ids and no credential.
    package func createApplication(
        displayName: String, identifierUris: [String] = [], signInAudience: String = "AzureADMyOrg", tenantId: String = WellKnown.tenantId,
        now: Date = Date()
    ) throws(DirectoryError) -> Application {
        let application = Application(
            objectId: newGUID(), appId: newGUID(), displayName: displayName, tenantId: tenantId,
            createdDateTime: ARMTimestamp.string(from: now), identifierUris: identifierUris, signInAudience: signInAudience)
        try mutate { state throws(DirectoryError) in
            try state.checkNew(application)
            state.applications.append(application)
        }
        return application
    }

    /// Replaces the editable fields of an application (`PATCH /applications/{id}`).
    package func updateApplication(objectId: String, _ change: (inout Application) -> Void) throws(DirectoryError) -> Application {
        let id = objectId.lowercased()
        return try mutate { state throws(DirectoryError) -> Application in
            guard let index = state.applications.firstIndex(where: { $0.objectId == id }) else { throw .notFound("Application", objectId) }
            var application = state.applications[index]
            change(&application)
            // Ids never change.
            application.objectId = state.applications[index].objectId
            application.appId = state.applications[index].appId
            state.applications[index] = application
            return application
        }
    }

    /// Removes an application and, as Entra does, its service principal in the home tenant.
    @discardableResult
    package func removeApplication(objectId: String) -> Application? {
        let id = objectId.lowercased()
        return mutate { state -> Application? in
            guard let index = state.applications.firstIndex(where: { $0.objectId == id }) else { return nil }
            let application = state.applications.remove(at: index)
            let principals = Set(state.servicePrincipals.filter { $0.appId == application.appId }.map(\.objectId))
            state.servicePrincipals.removeAll { principals.contains($0.objectId) }
            for group in state.groups.indices { state.groups[group].members.removeAll { principals.contains($0) } }
            return application
        }
    }

    /// Adds a generated secret to an application (`addPassword`); returns the credential with its text.
    package func addPassword(
        applicationObjectId: String, displayName: String?, startDateTime: String, endDateTime: String
    ) throws(DirectoryError) -> PasswordCredential {
        let credential = PasswordCredential(
            keyId: newGUID(), displayName: displayName, secretText: Directory.newClientSecret(), startDateTime: startDateTime,
            endDateTime: endDateTime)
        let id = applicationObjectId.lowercased()
        try mutate { state throws(DirectoryError) in
            guard let index = state.applications.firstIndex(where: { $0.objectId == id }) else {
                throw .notFound("Application", applicationObjectId)
            }
            state.applications[index].passwordCredentials.append(credential)
        }
        return credential
    }

    /// Removes one credential by key id (`removePassword`); false when the application has none such.
    package func removePassword(applicationObjectId: String, keyId: String) throws(DirectoryError) -> Bool {
        let id = applicationObjectId.lowercased()
        let key = keyId.lowercased()
        return try mutate { state throws(DirectoryError) -> Bool in
            guard let index = state.applications.firstIndex(where: { $0.objectId == id }) else {
                throw .notFound("Application", applicationObjectId)
            }
            let before = state.applications[index].passwordCredentials.count
            state.applications[index].passwordCredentials.removeAll { $0.keyId == key }
            return state.applications[index].passwordCredentials.count != before
        }
    }

    /// The service principal of an application in the application's tenant (`POST /servicePrincipals {appId}`).
    package func createServicePrincipal(forApplication application: Application) throws(DirectoryError) -> ServicePrincipal {
        let principal = ServicePrincipal(
            objectId: newGUID(), appId: application.appId, displayName: application.displayName, secrets: [],
            tenantId: application.tenantId)
        try mutate { state throws(DirectoryError) in
            if state.servicePrincipals.contains(where: { $0.appId == application.appId }) {
                throw .conflict("Service principal for appId", application.appId)
            }
            try state.checkNew(principal)
            state.servicePrincipals.append(principal)
        }
        return principal
    }

    /// Whether `secret` is a current secret of the service principal: one of its own, or one of
    /// its application's password credentials that is not expired.
    package func acceptsSecret(_ secret: String, for principal: ServicePrincipal, now: Date = Date()) -> Bool {
        if principal.secrets.contains(secret) { return true }
        guard let application = application(appId: principal.appId) else { return false }
        return application.passwordCredentials.contains { credential in
            guard credential.secretText == secret else { return false }
            guard let end = ARMTimestamp.date(from: credential.endDateTime) else { return true }
            return end > now
        }
    }
}
