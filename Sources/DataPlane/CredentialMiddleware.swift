import ARMCore
import Foundation
import Identity

/// Third step: who calls. An account key in `api-key` (or, on the v1, model-inference and project
/// routes, as `Authorization: Bearer <key>`, which `openai.OpenAI` and `azure-ai-inference` send),
/// or an Entra access token of a data-plane audience. `api-key` wins when both arrive
/// (`azure-ai-inference` sends the key in both headers).
struct CredentialMiddleware: DataPlaneStep {
    /// The audiences the data-plane clients ask for: `openai`/Azure OpenAI docs
    /// (`https://cognitiveservices.azure.com/.default`), azure-ai-projects (`https://ai.azure.com/.default`),
    /// azure-ai-inference's default (`https://ml.azure.com/.default`).
    static let audiences: Set<String> = ["https://cognitiveservices.azure.com", "https://ai.azure.com", "https://ml.azure.com"]

    let validator: TokenValidator

    func prepare(_ request: DataPlaneRequest) throws {
        let account = try request.requiredAccount
        let surface = request.route?.surface ?? .classic
        let credential: DataPlaneCredential
        if let key = request.http.headers["api-key"] {
            try Self.checkKey(key, account: account)
            credential = .key
        } else if let header = request.http.headers["Authorization"] {
            guard let value = AuthorizationHeader.bearerValue(header) else {
                throw DataPlaneError.invalidToken(audience: Self.audience(for: surface))
            }
            if Self.looksLikeJWT(value) {
                credential = .token(try validate(value, surface: surface))
            } else if surface.acceptsKeyAsBearer {
                try Self.checkKey(value, account: account)
                credential = .key
            } else {
                throw DataPlaneError.invalidToken(audience: Self.audience(for: surface))
            }
        } else {
            throw DataPlaneError.missingCredentials()
        }
        request.credential = credential
    }

    func validate(_ token: String, surface: DataPlaneRoute.Surface) throws -> Caller {
        let caller: Caller
        do {
            caller = try validator.validate(bearer: token)
        } catch {
            throw DataPlaneError.invalidToken(audience: Self.audience(for: surface))
        }
        let audience = (caller.audience ?? "").lowercased()
        let trimmed = audience.hasSuffix("/") ? String(audience.dropLast()) : audience
        guard Self.audiences.contains(trimmed) else { throw DataPlaneError.invalidToken(audience: Self.audience(for: surface)) }
        return caller
    }

    /// The audience the gateway names in its 401: the one the surface's clients ask for.
    static func audience(for surface: DataPlaneRoute.Surface) -> String {
        surface == .project ? "https://ai.azure.com" : "https://cognitiveservices.azure.com"
    }

    /// Keys are kept in the account's private state by the CognitiveServices provider; a
    /// regenerated key replaces the old one there, so the old one stops working at once.
    static func checkKey(_ key: String, account: StoredResource) throws {
        if account.body["properties"]?["disableLocalAuth"]?.boolValue == true { throw DataPlaneError.localAuthDisabled() }
        let presented = Self.trimmed(key)
        // No arrays of keys or of their bytes: they showed in a profile of chat completions.
        for name in keyNames {
            if let stored = account.privateState[name]?.stringValue, !stored.isEmpty, constantTimeEquals(stored, presented) { return }
        }
        throw DataPlaneError.invalidKey()
    }

    static let keyNames = ["key1", "key2"]

    /// `value` without surrounding whitespace. The usual key has a visible ASCII character at each
    /// end and is returned as it is: Foundation's trimming bridges through NSString and showed in a
    /// profile of chat completions.
    static func trimmed(_ value: String) -> String {
        func visibleASCII(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x7F } ?? false }
        if visibleASCII(value.utf8.first) && visibleASCII(value.utf8.last) { return value }
        return value.trimmingCharacters(in: .whitespaces)
    }

    /// A compact JWS (RFC 7515 section 7.1): three base64url parts. Account keys are hex or base62 without dots.
    static func looksLikeJWT(_ value: String) -> Bool {
        value.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: ".") ? 1 : 0) } == 2
    }

    static func constantTimeEquals(_ left: String, _ right: String) -> Bool {
        var left = left
        var right = right
        return left.withUTF8 { a in
            right.withUTF8 { b in
                guard a.count == b.count else { return false }
                var difference: UInt8 = 0
                for index in 0..<a.count { difference |= a[index] ^ b[index] }
                return difference == 0
            }
        }
    }
}
