/// Where the server's PEM certificate (chain) and private key live.
package struct TLSConfiguration: Sendable, Equatable {
    /// A PEM file: the leaf certificate first, then any intermediates.
    package var certificatePath: String
    /// A PEM private key (PKCS#8 or traditional), unencrypted.
    package var privateKeyPath: String

    package init(certificatePath: String, privateKeyPath: String) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }
}
