/// Changes to users made through Graph (`az ad user update`).
extension Directory {
    /// Replaces a user's display name and password; the object id and UPN stay.
    package func updateUser(objectId: String, displayName: String?, password: String?) throws(DirectoryError) -> User {
        let id = objectId.lowercased()
        return try mutate { state throws(DirectoryError) -> User in
            guard let index = state.users.firstIndex(where: { $0.objectId == id }) else { throw .notFound("User", objectId) }
            if let displayName, !displayName.isEmpty { state.users[index].displayName = displayName }
            if let password, !password.isEmpty { state.users[index].password = password }
            return state.users[index]
        }
    }
}
