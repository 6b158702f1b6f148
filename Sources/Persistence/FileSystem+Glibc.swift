import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The few POSIX calls durability needs, with errors as `PersistenceError.io`. Writes that must
/// survive a crash are fsync'd, and so is the directory after a rename or a new file, since the
/// name itself lives in the directory (rename(2), fsync(2)).
enum FileSystem {
    static func errorText(_ what: String, _ path: String) -> PersistenceError {
        .io("\(what) '\(path)': \(String(cString: strerror(errno)))")
    }

    static func createDirectory(_ path: String) throws(PersistenceError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create directory '\(path)': \(error.localizedDescription)")
        }
    }

    static func names(in directory: String) throws(PersistenceError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .io("cannot list '\(directory)': \(error.localizedDescription)")
        }
    }

    static func read(_ path: String) throws(PersistenceError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .io("cannot read '\(path)'") }
        return Array(data)
    }

    /// Writes every byte, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(PersistenceError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw errorText("cannot write", path)
            }
            written += result
        }
    }

    static func syncDirectory(_ directory: String) throws(PersistenceError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw errorText("cannot open directory", directory) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw errorText("cannot fsync directory", directory) }
    }

    /// Write to `path.tmp`, fsync, rename over `path`, fsync the directory: readers see the old
    /// file or the whole new one, never a part.
    static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String) throws(PersistenceError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw errorText("cannot create", temporary) }
        do throws(PersistenceError) {
            try writeAll(fd, bytes, path: temporary)
            guard fsync(fd) == 0 else { throw errorText("cannot fsync", temporary) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else { throw errorText("cannot rename onto", path) }
        try syncDirectory(directory)
    }

    static func remove(_ path: String) {
        unlink(path)
    }
}
