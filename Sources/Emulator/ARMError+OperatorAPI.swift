import ARMCore

/// The operator API's errors (`/_emulator/*`, not part of Azure; docs/reference.md, "Operator API (not part of Azure)").
/// The fault-rule errors ARMCore's parser throws are in ARMCore's `ARMError+Catalog.swift`.
extension ARMError {
    package static func operatorKeyRequired(header: String) -> ARMError {
        ARMError(
            status: 401, code: "OperatorKeyRequired",
            message: "The operator API requires the header '\(header)' with the key given by --operator-key.")
    }

    package static let operatorAPILoopbackOnly = ARMError(
        status: 403, code: "OperatorApiLoopbackOnly",
        message: "The operator API answers only on loopback. Start the emulator with --operator-key to reach it from other hosts.")

    package static func faultRuleNotFound(_ id: String) -> ARMError {
        ARMError(status: 404, code: "FaultRuleNotFound", message: "There is no fault rule with id '\(id)'.")
    }

    package static func invalidDataPlaneRule(_ reason: String) -> ARMError {
        ARMError(status: 400, code: "InvalidDataPlaneRule", message: "The data-plane rule is invalid: \(reason)")
    }

    package static func dataPlaneRuleNotFound(_ id: String) -> ARMError {
        ARMError(status: 404, code: "DataPlaneRuleNotFound", message: "There is no data-plane rule with id '\(id)'.")
    }

    /// Operator API: a principal that cannot be created (duplicate UPN, bad input).
    package static func principalConflict(_ message: String) -> ARMError {
        ARMError(status: 409, code: "PrincipalConflict", message: message)
    }

    /// `PUT /_emulator/state` with a document that is not a state export; nothing was changed.
    package static func invalidStateDocument(_ reason: String) -> ARMError {
        ARMError(status: 400, code: "InvalidStateDocument", message: "The state document is invalid: \(reason) Nothing was changed.")
    }
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs.
    package static let operatorAPICatalog: [(factory: String, error: ARMError)] = [
        ("operatorKeyRequired", operatorKeyRequired(header: "{header}")),
        ("operatorAPILoopbackOnly", operatorAPILoopbackOnly),
        ("faultRuleNotFound", faultRuleNotFound("{id}")),
        ("invalidDataPlaneRule", invalidDataPlaneRule("{reason}")),
        ("dataPlaneRuleNotFound", dataPlaneRuleNotFound("{id}")),
        ("principalConflict", principalConflict("{message}")),
        ("invalidStateDocument", invalidStateDocument("{reason}")),
    ]
}
