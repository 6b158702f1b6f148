import COpenSSL
import Foundation

/// The RSA key that signs every token (RS256, RFC 7518 section 3.3), and its public half as a JWK
/// (RFC 7517). `kid` and `x5t` are the key's RFC 7638 JWK thumbprint (SHA-256, base64url).
///
/// `SigningKey.wellKnown` is a fixed, PUBLIC key: insecure by design, like Azurite's well-known
/// account key, so that tokens survive restarts and two emulators accept each other's tokens.
/// `--signing-key FILE` replaces it with a PEM private key of your own.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is never modified after `init`, and OpenSSL 3 allows one key
/// to be used by many threads at once for signing and verifying (openssl-threads(7)); every
/// operation uses its own `EVP_MD_CTX`.
package final class SigningKey: @unchecked Sendable {
    private let key: OpaquePointer
    /// RFC 7638 thumbprint; the JWT header's `kid` and `x5t`.
    package let keyId: String
    /// Base64url modulus and exponent (RFC 7518 section 6.3.1).
    package let modulus: String
    package let exponent: String

    /// Reads a PEM private key (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1 `BEGIN RSA PRIVATE KEY`).
    package convenience init(pem: String) throws(SigningKeyError) {
        // BIO_new_mem_buf would only borrow the bytes, which do not outlive a withUnsafeBytes
        // closure (seen as a crash in release builds); a memory BIO with BIO_write keeps a copy.
        let bytes = Array(pem.utf8)
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw SigningKeyError("Cannot allocate an OpenSSL buffer for the signing key.")
        }
        defer { BIO_free(bio) }
        let written = bytes.withUnsafeBytes { BIO_write(bio, $0.baseAddress, Int32($0.count)) }
        guard written == Int32(bytes.count) else {
            throw SigningKeyError("Cannot copy the signing key into an OpenSSL buffer.")
        }
        guard let key = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else {
            ERR_clear_error()
            throw SigningKeyError("The signing key is not a PEM private key (expected BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY).")
        }
        try self.init(taking: key)
    }

    /// A fresh random RSA key (tests; a second emulator that must not accept the first one's tokens).
    package static func generate(bits: UInt32 = 2048) -> SigningKey {
        guard let key = shim_generate_rsa_key(bits), let signingKey = try? SigningKey(taking: key) else {
            ERR_clear_error()
            fatalError("RSA key generation failed")
        }
        return signingKey
    }

    /// Takes ownership of `key` (freed on failure too).
    private init(taking key: OpaquePointer) throws(SigningKeyError) {
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA, EVP_PKEY_get_bits(key) >= 2048 else {
            EVP_PKEY_free(key)
            throw SigningKeyError("The signing key must be an RSA key of at least 2048 bits (RS256).")
        }
        guard let n = SigningKey.bigNumberParameter(key, "n"), let e = SigningKey.bigNumberParameter(key, "e") else {
            EVP_PKEY_free(key)
            throw SigningKeyError("Cannot read the public modulus and exponent of the signing key.")
        }
        self.key = key
        self.modulus = Base64URL.encode(n)
        self.exponent = Base64URL.encode(e)
        // RFC 7638 section 3.2: the required members in lexicographic order, no whitespace.
        let canonical = "{\"e\":\"\(exponent)\",\"kty\":\"RSA\",\"n\":\"\(modulus)\"}"
        self.keyId = Base64URL.encode(SigningKey.sha256(Array(canonical.utf8)))
    }

    /// Reads `--signing-key FILE`.
    package convenience init(contentsOfFile path: String) throws(SigningKeyError) {
        guard let pem = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SigningKeyError("Cannot read the signing key file '\(path)'.")
        }
        try self.init(pem: pem)
    }

    deinit { EVP_PKEY_free(key) }

    /// The built-in, well-known key (see the type's documentation).
    package static let wellKnown: SigningKey = {
        do {
            return try SigningKey(pem: wellKnownPEM)
        } catch {
            fatalError("The built-in signing key does not load: \(error)")
        }
    }()

    // MARK: RS256

    /// RSASSA-PKCS1-v1_5 with SHA-256 over `data` (RFC 7518 section 3.3).
    package func sign(_ data: [UInt8]) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            ERR_clear_error()
            fatalError("EVP_DigestSignInit failed for an RSA key")
        }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, data, data.count) == 1 else {
            ERR_clear_error()
            fatalError("EVP_DigestSign (length) failed")
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, data, data.count) == 1 else {
            ERR_clear_error()
            fatalError("EVP_DigestSign failed")
        }
        return Array(signature.prefix(length))
    }

    /// True when `signature` is this key's RS256 signature of `data`.
    package func verify(signature: [UInt8], of data: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            ERR_clear_error()
            return false
        }
        let valid = EVP_DigestVerify(context, signature, signature.count, data, data.count) == 1
        // A failed verification leaves entries on this thread's OpenSSL error queue, which TLS code
        // on the same thread would otherwise misread.
        if !valid { ERR_clear_error() }
        return valid
    }

    // MARK: JWK (RFC 7517)

    /// The public key as a JWK, with the members Entra's `discovery/keys` documents carry.
    package var jwk: [String: String] {
        ["kty": "RSA", "use": "sig", "kid": keyId, "x5t": keyId, "n": modulus, "e": exponent, "alg": "RS256"]
    }

    // MARK: helpers

    static func sha256(_ data: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_Digest(data, data.count, &digest, &length, EVP_sha256(), nil) == 1 else { fatalError("EVP_Digest failed") }
        return Array(digest.prefix(Int(length)))
    }

    private static func bigNumberParameter(_ key: OpaquePointer, _ name: String) -> [UInt8]? {
        var number: OpaquePointer?
        guard EVP_PKEY_get_bn_param(key, name, &number) == 1, let number else {
            ERR_clear_error()
            return nil
        }
        defer { BN_free(number) }
        var bytes = [UInt8](repeating: 0, count: (Int(BN_num_bits(number)) + 7) / 8)
        _ = BN_bn2bin(number, &bytes)
        return bytes
    }
}
