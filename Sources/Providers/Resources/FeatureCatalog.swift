/// The preview features the emulated resource providers gate on, registered in every subscription
/// by default (docs/served.md, Microsoft.Features). Unregistering one makes its gate answer the
/// provider's error, so tests can see it.
enum FeatureCatalog {
    struct Feature: Sendable {
        let namespace: String
        let name: String
        /// What it gates, for the docs and `az feature show` readers.
        let gates: String
    }

    static let features: [Feature] = [
        Feature(
            namespace: "Microsoft.Storage", name: "AllowNFSV3",
            gates:
                "storage accounts created with properties.isNfsV3Enabled true (Microsoft Learn: network-file-system-protocol-support-how-to)"
        )
    ]

    static func feature(namespace: String, name: String) -> Feature? {
        features.first { $0.namespace.lowercased() == namespace.lowercased() && $0.name.lowercased() == name.lowercased() }
    }
}
