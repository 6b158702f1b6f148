import ARMCore

/// Durable state's errors (docs/durability-and-load.md, "Durable state (`--data-dir`)").
extension ARMError {
    /// The journal could not be written or flushed: the change may not survive a restart, so the
    /// request is not acknowledged.
    package static func stateNotDurable(_ reason: String) -> ARMError {
        ARMError(
            status: 500, code: "StateNotDurable",
            message: "The change could not be made durable in the data directory (\(reason)). It may be lost on restart.")
    }
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs.
    package static let persistenceCatalog: [(factory: String, error: ARMError)] = [
        ("stateNotDurable", stateNotDurable("{reason}"))
    ]
}
