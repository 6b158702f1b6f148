import COpenSSL
import Glibc

extension SelfSignedCertificate {
    /// Reuses `cert.pem` and `key.pem` in `directory` when both exist, parse, match and have not
    /// expired; otherwise generates a new pair and writes it (key 0600, each file by atomic rename).
    /// Creates `directory` (0700) if needed. Returns the two paths.
    package static func loadOrCreate(in directory: String) throws -> (certificatePath: String, privateKeyPath: String) {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let certificatePath = base + "/cert.pem"
        let privateKeyPath = base + "/key.pem"
        if isUsablePair(certificatePath: certificatePath, privateKeyPath: privateKeyPath) {
            return (certificatePath, privateKeyPath)
        }
        try makeDirectory(base)
        let pair = try generate()
        // Key first: a crash in between leaves a key without a matching certificate, which the
        // next start detects and replaces.
        try writeAtomically(pair.privateKeyPEM, to: privateKeyPath, mode: 0o600)
        try writeAtomically(pair.certificatePEM, to: certificatePath, mode: 0o644)
        return (certificatePath, privateKeyPath)
    }

    static func isUsablePair(certificatePath: String, privateKeyPath: String) -> Bool {
        defer { ERR_clear_error() }
        guard let certificateFile = BIO_new_file(certificatePath, "r") else { return false }
        defer { BIO_free(certificateFile) }
        guard let certificate = PEM_read_bio_X509(certificateFile, nil, nil, nil) else { return false }
        defer { X509_free(certificate) }
        guard let keyFile = BIO_new_file(privateKeyPath, "r") else { return false }
        defer { BIO_free(keyFile) }
        guard let key = PEM_read_bio_PrivateKey(keyFile, nil, nil, nil) else { return false }
        defer { EVP_PKEY_free(key) }
        return X509_check_private_key(certificate, key) == 1
            && X509_cmp_current_time(X509_get0_notAfter(certificate)) > 0
    }

    private static func makeDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw HTTPServerError(.certificate, "Cannot create the directory '\(prefix)': \(Socket.errorDescription(errno)).")
            }
        }
    }

    private static func writeAtomically(_ text: String, to path: String, mode: mode_t) throws {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw HTTPServerError(.certificate, "Cannot write '\(temporary)': \(Socket.errorDescription(errno)).")
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let code = errno
                close(fd)
                unlink(temporary)
                throw HTTPServerError(.certificate, "Cannot write '\(temporary)': \(Socket.errorDescription(code)).")
            }
            written += count
        }
        _ = fchmod(fd, mode)  // exactly `mode`, whatever the umask
        _ = fsync(fd)
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw HTTPServerError(.certificate, "Cannot move '\(temporary)' to '\(path)': \(Socket.errorDescription(code)).")
        }
    }
}
