import COpenSSL

/// A development certificate for the emulator's HTTPS endpoint: self-signed, for localhost,
/// 127.0.0.1 and ::1, shaped so that strict verifiers accept it as its own trust anchor
/// (Python's X509 strict mode wants the key identifiers; RFC 5280 section 4.2.1.1/section 4.2.1.2).
package enum SelfSignedCertificate {
    /// RSA-2048, SHA-256, CN=`commonName`, SAN DNS:localhost, IP:127.0.0.1, IP:::1 (plus the common
    /// name when it differs), SKI + AKI, basicConstraints CA:FALSE, keyUsage digitalSignature +
    /// keyEncipherment, extKeyUsage serverAuth, valid from an hour ago for ten years.
    package static func generate(commonName: String = "localhost") throws -> (certificatePEM: String, privateKeyPEM: String) {
        ERR_clear_error()
        guard let key = shim_generate_rsa_key(2048) else {
            throw failure("Cannot generate an RSA key")
        }
        defer { EVP_PKEY_free(key) }
        guard let certificate = X509_new() else {
            throw failure("Cannot allocate a certificate")
        }
        defer { X509_free(certificate) }

        guard X509_set_version(certificate, 2) == 1 else { throw failure("Cannot set the certificate version") }  // v3
        try setRandomSerial(certificate)
        // An hour of slack for clocks that run behind; ten years ahead (RFC 5280 section 4.1.2.5).
        guard X509_gmtime_adj(X509_getm_notBefore(certificate), -3600) != nil,
            X509_time_adj_ex(X509_getm_notAfter(certificate), 3650, 0, nil) != nil
        else { throw failure("Cannot set the validity period") }
        guard X509_set_pubkey(certificate, key) == 1 else { throw failure("Cannot set the public key") }

        let name = X509_get_subject_name(certificate)
        guard X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, commonName, -1, -1, 0) == 1,
            X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, "foundry-emulator", -1, -1, 0) == 1,
            X509_set_issuer_name(certificate, name) == 1
        else { throw failure("Cannot set the certificate name '\(commonName)'") }

        var alternativeNames = ["DNS:localhost", "IP:127.0.0.1", "IP:::1"]
        if commonName != "localhost" && !commonName.isEmpty {
            let isAddress =
                commonName.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" } && commonName.contains(where: { $0 == "." || $0 == ":" })
                && commonName.contains(where: \.isNumber)
            alternativeNames.append((isAddress ? "IP:" : "DNS:") + commonName)
        }
        // Order matters: the authority key identifier is derived from the subject key identifier.
        let extensions: [(Int32, String)] = [
            (NID_basic_constraints, "critical,CA:FALSE"),
            (NID_key_usage, "critical,digitalSignature,keyEncipherment"),
            (NID_ext_key_usage, "serverAuth"),
            (NID_subject_alt_name, alternativeNames.joined(separator: ",")),
            (NID_subject_key_identifier, "hash"),
            (NID_authority_key_identifier, "keyid:always"),
        ]
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, certificate, certificate, nil, nil, 0)
        for (nid, value) in extensions {
            guard let extensionValue = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                throw failure("Cannot build the certificate extension '\(value)'")
            }
            defer { X509_EXTENSION_free(extensionValue) }
            guard X509_add_ext(certificate, extensionValue, -1) == 1 else {
                throw failure("Cannot add the certificate extension '\(value)'")
            }
        }
        guard X509_sign(certificate, key, EVP_sha256()) > 0 else { throw failure("Cannot sign the certificate") }

        let certificatePEM = try pem { PEM_write_bio_X509($0, certificate) }
        let privateKeyPEM = try pem { PEM_write_bio_PrivateKey($0, key, nil, nil, 0, nil, nil) }  // PKCS#8, unencrypted
        return (certificatePEM, privateKeyPEM)
    }

    /// 127 random bits: positive, unique enough, within RFC 5280 section 4.1.2.2's 20 octets.
    private static func setRandomSerial(_ certificate: OpaquePointer) throws {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&bytes, Int32(bytes.count)) == 1 else { throw failure("Cannot draw a random serial number") }
        bytes[0] = (bytes[0] & 0x7F) | 0x01
        guard let number = BN_bin2bn(bytes, Int32(bytes.count), nil) else { throw failure("Cannot build the serial number") }
        defer { BN_free(number) }
        guard BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nil else {
            throw failure("Cannot set the serial number")
        }
    }

    private static func pem(_ write: (OpaquePointer) -> Int32) throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw failure("Cannot allocate a memory BIO") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw failure("Cannot encode PEM") }
        var data: UnsafeMutablePointer<CChar>?
        let length = shim_BIO_get_mem_data(bio, &data)
        guard let data, length > 0 else { throw failure("Cannot read PEM") }
        return UnsafeRawBufferPointer(start: data, count: length).withMemoryRebound(to: UInt8.self) {
            String(decoding: $0, as: UTF8.self)
        }
    }

    static func failure(_ what: String) -> HTTPServerError {
        HTTPServerError(.certificate, "\(what): \(OpenSSLError.drain()).")
    }
}
