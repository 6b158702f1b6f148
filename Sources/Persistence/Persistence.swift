import ARMCore
import Dispatch
import Foundation
import Identity
import Synchronization

/// Durable state in a data directory (docs/durability-and-load.md): an append-only journal of every change to the
/// resource store, the directory and the operations, flushed with fdatasync by group commit
/// (whoever waits shares the next flush), plus snapshots that compact it.
///
/// Files: `snapshot-G.json` (the world when journal G began) and `journal-G.log` (changes since).
/// Start: load the newest snapshot, replay the journals from its generation on, then write a fresh
/// snapshot of generation G+1 and delete the older files; a torn last record is dropped with a
/// warning, any other damage throws (the emulator refuses to start).
///
/// Acknowledgement: the observers only queue records (they run under the stores' locks); the
/// server awaits `waitUntilDurable()` before it sends any response, so every answered write is on
/// disk first.
package final class Persistence: Sendable {
    package let directoryPath: String
    /// Records after which a flush starts a new generation with a snapshot.
    package let snapshotEveryRecords: Int
    /// What start-up found and dropped (a torn last record).
    package let warnings: [String]
    /// The replayed world, for the composition root to load into its stores before `start`; let go
    /// once taken (it is the whole journal's worth of parsed JSON, and the stores keep their own).
    let replayed: Mutex<ReplayState?>
    let highestGeneration: Int

    struct Queue {
        /// False until `start`: changes made while loading the replayed world are not journaled
        /// (the first snapshot holds them).
        var accepting = false
        var pending: [JournalRecord] = []
        /// Sequence number of the last record queued, and of the last one on disk.
        var appended: UInt64 = 0
        var durable: UInt64 = 0
        var flushScheduled = false
        var waiters: [(sequence: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        var failure: PersistenceError?
        var recordsSinceSnapshot = 0
        /// A snapshot is being written on `snapshotter`.
        var snapshotInProgress = false
    }

    let queue = Mutex(Queue())
    let journal = Mutex<JournalFile?>(nil)
    let worldSnapshot = Mutex<(@Sendable () -> StateDocument)?>(nil)
    let flusher = DispatchQueue(label: "foundry-emulator.journal", qos: .userInitiated)
    /// Writes snapshots beside the flushes (`compactNow`).
    let snapshotter = DispatchQueue(label: "foundry-emulator.snapshot", qos: .utility)
    /// Flushes finished (group-commit statistics for tests and the README).
    let flushCount = Atomic<Int>(0)

    /// Opens `directory` (creating it), reads the newest snapshot and replays the journals.
    package init(directory: String, snapshotEveryRecords: Int = 50_000) throws(PersistenceError) {
        directoryPath = directory
        self.snapshotEveryRecords = max(1, snapshotEveryRecords)
        try FileSystem.createDirectory(directory)
        let recovery = try Self.recover(directory: directory)
        warnings = recovery.warnings
        highestGeneration = recovery.highestGeneration
        replayed = Mutex(recovery.state)
    }

    /// The world as found on disk; `seeded` stands in for a directory never written. Answered
    /// once: later calls answer an empty world (the stores hold the recovered one by then).
    package func recoveredState(seeded: DirectorySnapshot) -> StateDocument {
        let state = replayed.withLock { $0.take() } ?? ReplayState()
        return state.document(seeded: seeded)
    }

    /// Writes a snapshot of the loaded world as a new generation, deletes the older files and
    /// starts journaling. `world` captures the live state for later snapshots.
    package func start(world: @escaping @Sendable () -> StateDocument) throws(PersistenceError) {
        worldSnapshot.withLock { $0 = world }
        try beginGeneration(highestGeneration + 1, document: world())
        queue.withLock { $0.accepting = true }
    }

    /// Waits until every change queued so far is on disk. Throws `ARMError.stateNotDurable` when the
    /// journal cannot be written: the caller must not acknowledge.
    package func waitUntilDurable() async throws {
        let target: UInt64? = try queue.withLock { queue in
            if let failure = queue.failure { throw ARMError.stateNotDurable(failure.description) }
            return queue.durable >= queue.appended ? nil : queue.appended
        }
        guard let target else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let immediate: Result<Void, any Error>? = queue.withLock { queue in
                if let failure = queue.failure { return .failure(ARMError.stateNotDurable(failure.description)) }
                if queue.durable >= target { return .success(()) }
                queue.waiters.append((target, continuation))
                return nil
            }
            if let immediate { continuation.resume(with: immediate) }
        }
    }

    /// Flushes finished so far.
    package var flushes: Int { flushCount.load(ordering: .relaxed) }

    // MARK: files

    static func snapshotName(_ generation: Int) -> String { "snapshot-" + padded(generation) + ".json" }
    static func journalName(_ generation: Int) -> String { "journal-" + padded(generation) + ".log" }

    static func padded(_ generation: Int) -> String {
        let digits = String(generation)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// `snapshot-G.json` / `journal-G.log` -> G.
    static func generation(of name: String, prefix: String, suffix: String) -> Int? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        return Int(name.dropFirst(prefix.count).dropLast(suffix.count))
    }

    func path(_ name: String) -> String { directoryPath + "/" + name }
}
