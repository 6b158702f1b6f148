/// Where the server's PEM certificate (chain) and private key live.
public struct TLSConfiguration: Sendable, Equatable {
    /// A PEM file: the leaf certificate first, then any intermediates.
    public var certificatePath: String
    /// A PEM private key (PKCS#8 or traditional), unencrypted.
    public var privateKeyPath: String

    public init(certificatePath: String, privateKeyPath: String) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }
}
