import ARMCore
import JSON

/// `GET /{tenant}/userrealm/{username}?api-version=1.0`: the home realm discovery MSAL runs before
/// a username/password sign-in (msal `Authority.user_realm_discovery`). Every directory user is
/// `Managed` (the password grant follows); anyone else is `Unknown`, as Entra answers for a domain
/// it does not hold.
extension OIDCDocuments {
    func userRealm(username: String, directory: Directory) -> JSONValue {
        guard let user = directory.user(userPrincipalName: username) else {
            return ["ver": "1.0", "account_type": "Unknown", "cloud_instance_name": "microsoftonline.com"]
        }
        let domain = String(user.userPrincipalName.split(separator: "@").last ?? "")
        return .object(
            JSONObject([
                ("ver", "1.0"), ("account_type", "Managed"), ("domain_name", .string(domain)),
                ("cloud_instance_name", "microsoftonline.com"), ("cloud_audience_urn", "urn:federation:MicrosoftOnline"),
            ]))
    }
}
