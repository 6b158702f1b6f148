import ARMCore
import Foundation

/// Compaction: a new journal generation, a snapshot of the world for it, and the old files gone.
extension Persistence {
    /// Starts generation `generation`: its journal first (so no change can fall between the two
    /// files), then its snapshot, atomically; only then are older files deleted. A crash at any
    /// point leaves either the old snapshot with every journal after it, or the new snapshot
    /// with its journal: replaying records the snapshot already holds changes nothing.
    func beginGeneration(_ generation: Int, document: @autoclosure () -> StateDocument) throws(PersistenceError) {
        let newJournal = try JournalFile(path: path(Self.journalName(generation)), generation: generation, directory: directoryPath)
        journal.withLock { $0 = newJournal }
        try FileSystem.writeAtomically(SnapshotFile.encode(document()), to: path(Self.snapshotName(generation)), directory: directoryPath)
        for name in (try? FileSystem.names(in: directoryPath)) ?? [] {
            let older =
                (Self.generation(of: name, prefix: "snapshot-", suffix: ".json") ?? Int.max) < generation
                || (Self.generation(of: name, prefix: "journal-", suffix: ".log") ?? Int.max) < generation
            if older { FileSystem.remove(path(name)) }
        }
        queue.withLock { $0.recordsSinceSnapshot = 0 }
    }

    /// Runs on the journal queue after a flush, so no flush overlaps it. A failure leaves the
    /// current generation in use; the journal simply grows until the next attempt.
    func compactNow() {
        guard let world = worldSnapshot.withLock({ $0 }) else { return }
        let current = journal.withLock { $0?.generation } ?? highestGeneration
        do {
            try beginGeneration(current + 1, document: world())
        } catch {
            queue.withLock { $0.recordsSinceSnapshot = 0 }
        }
    }

    /// Compacts now, from any thread (tests; the operator could call it on shutdown). Waits for it.
    package func snapshotNow() {
        flusher.sync { compactNow() }
    }
}
