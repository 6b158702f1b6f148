#if canImport(Glibc)
import Glibc
#endif

/// An open journal file, appended to by the group-commit queue only.
final class JournalFile: Sendable {
    let path: String
    let generation: Int
    private let fd: Int32

    /// Creates (or opens for append) the file and makes its name durable.
    init(path: String, generation: Int, directory: String) throws(PersistenceError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystem.errorText("cannot open journal", path) }
        self.fd = fd
        self.path = path
        self.generation = generation
        try FileSystem.syncDirectory(directory)
    }

    /// Appends and flushes to stable storage; returns only when the bytes are durable.
    func appendDurably(_ bytes: [UInt8]) throws(PersistenceError) {
        try FileSystem.writeAll(fd, bytes, path: path)
        guard fdatasync(fd) == 0 else { throw FileSystem.errorText("cannot fdatasync", path) }
    }

    deinit { close(fd) }
}
