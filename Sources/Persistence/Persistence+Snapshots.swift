import ARMCore
import Foundation

/// Compaction: a new journal generation, a snapshot of the world for it, and the old files gone.
extension Persistence {
    /// Starts generation `generation`: its journal first (so no change can fall between the two
    /// files), then its snapshot, atomically; only then are older files deleted. A crash at any
    /// point leaves either the old snapshot with every journal after it, or the new snapshot
    /// with its journal: replaying records the snapshot already holds changes nothing.
    func beginGeneration(_ generation: Int, document: @autoclosure () -> StateDocument) throws(PersistenceError) {
        try switchJournal(to: generation)
        try writeSnapshot(generation, document: document())
    }

    /// New changes go to `journal-G.log` from now on.
    func switchJournal(to generation: Int) throws(PersistenceError) {
        let newJournal = try JournalFile(path: path(Self.journalName(generation)), generation: generation, directory: directoryPath)
        journal.withLock { $0 = newJournal }
        queue.withLock { $0.recordsSinceSnapshot = 0 }
    }

    /// Writes `snapshot-G.json` (temporary file, fsync, rename) and deletes every older file.
    func writeSnapshot(_ generation: Int, document: StateDocument) throws(PersistenceError) {
        try FileSystem.writeAtomically(SnapshotFile.encode(document), to: path(Self.snapshotName(generation)), directory: directoryPath)
        for name in (try? FileSystem.names(in: directoryPath)) ?? [] {
            let older =
                (Self.generation(of: name, prefix: "snapshot-", suffix: ".json") ?? Int.max) < generation
                || (Self.generation(of: name, prefix: "journal-", suffix: ".log") ?? Int.max) < generation
            if older { FileSystem.remove(path(name)) }
        }
    }

    /// Runs on the journal queue after a flush: switches to a new journal there, and leaves the
    /// snapshot (reading the world, encoding it, writing and fsyncing it: seconds for a large
    /// world) to the snapshot queue, so that flushes, and the writers waiting on them, go on
    /// meanwhile (a snapshot written on the journal queue held every write for ~2 s, the p99 of
    /// `scripts/benchmark`'s `--data-dir` run). The world is read after the switch, so whatever
    /// the snapshot misses is in the new journal. While one snapshot is written no other
    /// generation begins; a failure leaves the older files in place (recovery replays them and
    /// every journal after them) and the next flush tries again.
    func compactNow() {
        guard let world = worldSnapshot.withLock({ $0 }) else { return }
        guard
            queue.withLock({ queue in
                if queue.snapshotInProgress { return false }
                queue.snapshotInProgress = true
                return true
            })
        else { return }
        let generation = (journal.withLock { $0?.generation } ?? highestGeneration) + 1
        do {
            try switchJournal(to: generation)
        } catch {
            queue.withLock {
                $0.recordsSinceSnapshot = 0
                $0.snapshotInProgress = false
            }
            return
        }
        snapshotter.async {
            try? self.writeSnapshot(generation, document: world())
            self.queue.withLock { $0.snapshotInProgress = false }
        }
    }

    /// Compacts now, from any thread (tests; the operator could call it on shutdown). Waits for
    /// the snapshot to be written.
    package func snapshotNow() {
        flusher.sync { compactNow() }
        snapshotter.sync {}
    }
}
