import Foundation
import Synchronization

/// Line-oriented log to standard output, filtered by level. One write per line under a lock so
/// lines from both event loops never interleave.
package final class Logger: Sendable {
    package let level: EmulatorConfig.LogLevel
    private let lock = Mutex(())

    package init(level: EmulatorConfig.LogLevel) { self.level = level }

    package func log(_ messageLevel: EmulatorConfig.LogLevel, _ message: @autoclosure () -> String) {
        guard messageLevel >= level else { return }
        let line = message() + "\n"
        lock.withLock { _ in
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }

    /// Printed whatever the level (the startup banner).
    package func always(_ message: String) {
        let line = message + "\n"
        lock.withLock { _ in FileHandle.standardOutput.write(Data(line.utf8)) }
    }

    package func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    package func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    package func warning(_ message: @autoclosure () -> String) { log(.warning, "warning: " + message()) }
    package func error(_ message: @autoclosure () -> String) { log(.error, "error: " + message()) }
}
