import ARMCore
import Foundation
import JSON

/// Start-up: newest snapshot, then every journal of its generation and later, in order.
extension Persistence {
    struct Recovery {
        var state = ReplayState()
        var warnings: [String] = []
        var highestGeneration = 0
    }

    static func recover(directory: String) throws(PersistenceError) -> Recovery {
        var recovery = Recovery()
        let names = try FileSystem.names(in: directory)
        // A temporary file is a snapshot whose rename never happened: the previous one stands.
        for name in names where name.hasSuffix(".tmp") { FileSystem.remove(directory + "/" + name) }
        let snapshots = names.compactMap { generation(of: $0, prefix: "snapshot-", suffix: ".json") }.sorted()
        let journals = names.compactMap { generation(of: $0, prefix: "journal-", suffix: ".log") }.sorted()
        recovery.highestGeneration = max(snapshots.last ?? 0, journals.last ?? 0)

        var base = 0
        let sharing = JSONSharing()
        if let newest = snapshots.last {
            let name = snapshotName(newest)
            recovery.state = ReplayState(try SnapshotFile.decode(try FileSystem.read(directory + "/" + name), name: name), sharing: sharing)
            base = newest
        }
        let replay = journals.filter { $0 >= base }
        var contents: [[UInt8]] = []
        for generation in replay { contents.append(try FileSystem.read(directory + "/" + journalName(generation))) }
        for (index, generation) in replay.enumerated() {
            let name = journalName(generation)
            // Only the journal written last can end torn. Empty journals after it do not count: a
            // start that died between creating its journal and writing its snapshot leaves one.
            let isLast = contents[(index + 1)...].allSatisfy(\.isEmpty)
            let scan = try JournalFrame.scan(contents[index], name: name, allowTornTail: isLast)
            for (number, payload) in scan.payloads.enumerated() {
                let record: JournalRecord
                do {
                    let json = try JSONParser.parse(payload, maxDepth: JSONParser.defaultMaxDepth + 8)
                    record = try JournalRecord(json: json)
                } catch {
                    throw .corrupt("\(name): record \(number + 1) is unreadable: \(error)")
                }
                recovery.state.apply(record, sharing: sharing)
            }
            if scan.tornBytes > 0 {
                recovery.warnings.append(
                    "\(name): dropped a torn last record (\(scan.tornBytes) bytes after byte \(scan.validLength)); "
                        + "it was never acknowledged")
            }
        }
        return recovery
    }
}
