import ARMCore
import JSON

/// What a connection write does to its key vault secret: store new credentials, keep the stored
/// ones (a PUT without credentials and with the same auth type), or remove them.
enum ConnectionSecretAction {
    case write(JSONValue)
    case keep
    case remove
}
