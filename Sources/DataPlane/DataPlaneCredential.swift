import ARMCore

/// How a data-plane caller proved who it is: an account key (which grants everything on the
/// account, as Azure documents: learn.microsoft.com/azure/ai-foundry/concepts/rbac-foundry) or an
/// Entra token of one of the data-plane audiences (then RBAC data actions decide).
package enum DataPlaneCredential: Sendable {
    case key
    case token(Caller)

    package var caller: Caller? {
        if case .token(let caller) = self { return caller }
        return nil
    }
}
