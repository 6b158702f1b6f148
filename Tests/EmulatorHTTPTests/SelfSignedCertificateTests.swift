import COpenSSL
import EmulatorHTTP
import Foundation
import Glibc
import Testing

@Suite struct SelfSignedCertificateTests {
    private func parse(_ pem: String) throws -> OpaquePointer {
        // BIO_new_mem_buf does not copy: keep the bytes alive while reading.
        let certificate = pem.withCString { text -> OpaquePointer? in
            let bio = BIO_new_mem_buf(text, Int32(strlen(text)))
            defer { BIO_free(bio) }
            return PEM_read_bio_X509(bio, nil, nil, nil)
        }
        return try #require(certificate)
    }

    @Test func coversLocalhostAndBothLoopbackAddresses() throws {
        // Given a generated certificate
        let pair = try SelfSignedCertificate.generate()
        let certificate = try parse(pair.certificatePEM)
        defer { X509_free(certificate) }
        // Then its SANs match localhost, 127.0.0.1 and ::1, and nothing else
        #expect(X509_check_host(certificate, "localhost", 0, 0, nil) == 1)
        #expect(X509_check_ip_asc(certificate, "127.0.0.1", 0) == 1)
        #expect(X509_check_ip_asc(certificate, "::1", 0) == 1)
        #expect(X509_check_host(certificate, "example.com", 0, 0, nil) == 0)
        #expect(X509_check_ip_asc(certificate, "10.0.0.1", 0) == 0)
    }

    @Test func hasTheExtensionsStrictVerifiersWant() throws {
        let pair = try SelfSignedCertificate.generate()
        let certificate = try parse(pair.certificatePEM)
        defer { X509_free(certificate) }
        #expect(X509_get_version(certificate) == 2)  // v3
        // SKI and AKI present, and equal for a self-signed certificate
        let subjectKeyID = try #require(X509_get0_subject_key_id(certificate))
        let authorityKeyID = try #require(X509_get0_authority_key_id(certificate))
        #expect(ASN1_OCTET_STRING_cmp(subjectKeyID, authorityKeyID) == 0)
        // Not a CA; key usage and serverAuth
        #expect(X509_check_ca(certificate) == 0)
        #expect(X509_get_extension_flags(certificate) & UInt32(EXFLAG_BCONS) != 0)
        #expect(
            X509_get_key_usage(certificate) & UInt32(KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT)
                == UInt32(KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT))
        #expect(X509_get_extended_key_usage(certificate) & UInt32(XKU_SSL_SERVER) != 0)
        // RSA-2048 with SHA-256, valid for about ten years
        #expect(X509_get_signature_nid(certificate) == NID_sha256WithRSAEncryption)
        #expect(EVP_PKEY_get_bits(X509_get0_pubkey(certificate)) == 2048)
        var days: Int32 = 0
        var seconds: Int32 = 0
        ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(certificate), X509_get0_notAfter(certificate))
        #expect(days >= 3650)
        // CN
        var commonName = [CChar](repeating: 0, count: 64)
        X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName, &commonName, Int32(commonName.count))
        let name = String(decoding: commonName.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #expect(name == "localhost")
    }

    @Test func verifiesAsItsOwnTrustAnchorInStrictMode() throws {
        // What Python's requests (REQUESTS_CA_BUNDLE) and curl --cacert do, with X509 strict on.
        let pair = try SelfSignedCertificate.generate()
        let certificate = try parse(pair.certificatePEM)
        defer { X509_free(certificate) }
        let store = try #require(X509_STORE_new())
        defer { X509_STORE_free(store) }
        #expect(X509_STORE_add_cert(store, certificate) == 1)
        let context = try #require(X509_STORE_CTX_new())
        defer { X509_STORE_CTX_free(context) }
        #expect(X509_STORE_CTX_init(context, store, certificate, nil) == 1)
        let parameters = X509_STORE_CTX_get0_param(context)
        X509_VERIFY_PARAM_set_flags(parameters, UInt(X509_V_FLAG_X509_STRICT))
        X509_VERIFY_PARAM_set_purpose(parameters, X509_PURPOSE_SSL_SERVER)
        X509_VERIFY_PARAM_set1_host(parameters, "localhost", 0)
        let verified = X509_verify_cert(context)
        #expect(verified == 1, "\(String(cString: X509_verify_cert_error_string(Int(X509_STORE_CTX_get_error(context)))))")
    }

    @Test func addsACustomCommonNameToTheSANs() throws {
        let pair = try SelfSignedCertificate.generate(commonName: "emulator.test")
        let certificate = try parse(pair.certificatePEM)
        defer { X509_free(certificate) }
        #expect(X509_check_host(certificate, "emulator.test", 0, 0, nil) == 1)
        #expect(X509_check_host(certificate, "localhost", 0, 0, nil) == 1)
    }

    @Test func reusesAnExistingPair() throws {
        // Given a directory (not yet existing) where a pair is created
        let directory = makeTemporaryDirectory() + "/nested/tls"
        let first = try SelfSignedCertificate.loadOrCreate(in: directory)
        let certificate = try String(contentsOfFile: first.certificatePath, encoding: .utf8)
        let key = try String(contentsOfFile: first.privateKeyPath, encoding: .utf8)
        // When it is loaded again
        let second = try SelfSignedCertificate.loadOrCreate(in: directory)
        // Then the same files come back, unchanged, the key readable only by its owner
        #expect(second.certificatePath == directory + "/cert.pem")
        #expect(second.privateKeyPath == directory + "/key.pem")
        #expect(try String(contentsOfFile: second.certificatePath, encoding: .utf8) == certificate)
        #expect(try String(contentsOfFile: second.privateKeyPath, encoding: .utf8) == key)
        var status = stat()
        stat(second.privateKeyPath, &status)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(key.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(certificate.hasPrefix("-----BEGIN CERTIFICATE-----"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(leftovers == ["cert.pem", "key.pem"])
    }

    @Test func replacesAPairThatDoesNotParseOrMatch() throws {
        let directory = makeTemporaryDirectory()
        try "not a certificate".write(toFile: directory + "/cert.pem", atomically: true, encoding: .utf8)
        try "not a key".write(toFile: directory + "/key.pem", atomically: true, encoding: .utf8)
        let repaired = try SelfSignedCertificate.loadOrCreate(in: directory)
        let certificate = try String(contentsOfFile: repaired.certificatePath, encoding: .utf8)
        #expect(certificate.hasPrefix("-----BEGIN CERTIFICATE-----"))

        // A key from another pair does not match: replaced as well
        let other = try SelfSignedCertificate.generate()
        try other.privateKeyPEM.write(toFile: repaired.privateKeyPath, atomically: true, encoding: .utf8)
        _ = try SelfSignedCertificate.loadOrCreate(in: directory)
        #expect(try String(contentsOfFile: repaired.certificatePath, encoding: .utf8) != certificate)
    }
}
