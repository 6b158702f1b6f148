/// Why the data directory cannot be used. `corrupt` stops the start: the emulator never serves
/// a partial state (docs/durability-and-load.md).
package enum PersistenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The files are damaged other than by a torn last record.
    case corrupt(String)
    /// A system call failed (permissions, disk full, ...).
    case io(String)

    package var description: String {
        switch self {
        case .corrupt(let message): "the data directory is corrupt: \(message)"
        case .io(let message): "the data directory cannot be used: \(message)"
        }
    }
}
