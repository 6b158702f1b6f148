import Foundation
import Synchronization

/// Line-oriented log to standard output, filtered by level. One write per line under a lock so
/// lines from both event loops never interleave.
public final class Logger: Sendable {
    public let level: EmulatorConfig.LogLevel
    private let lock = Mutex(())

    public init(level: EmulatorConfig.LogLevel) { self.level = level }

    public func log(_ messageLevel: EmulatorConfig.LogLevel, _ message: @autoclosure () -> String) {
        guard messageLevel >= level else { return }
        let line = message() + "\n"
        lock.withLock { _ in
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }

    /// Printed whatever the level (the startup banner).
    public func always(_ message: String) {
        let line = message + "\n"
        lock.withLock { _ in FileHandle.standardOutput.write(Data(line.utf8)) }
    }

    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, "warning: " + message()) }
    public func error(_ message: @autoclosure () -> String) { log(.error, "error: " + message()) }
}
