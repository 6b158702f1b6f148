import ARMCore
import EmulatorHTTP
import Foundation
import Identity
import Persistence

/// A store, a directory and the operations journaled to a data directory, as the emulator wires
/// them. Opening a second one on the same directory without closing the first is what a process
/// killed with SIGKILL leaves behind: only what reached the files.
final class DurableWorld: Sendable {
    let persistence: Persistence
    let store: ResourceStore
    let directory = Directory()
    let operations: LongRunningOperations
    let recovered: StateDocument

    init(_ path: String, snapshotEveryRecords: Int = 50_000, provisioningDelay: Duration = .zero) throws {
        persistence = try Persistence(directory: path, snapshotEveryRecords: snapshotEveryRecords)
        store = ResourceStore(observer: persistence)
        operations = LongRunningOperations(provisioningDelay: provisioningDelay, observer: persistence)
        recovered = try persistence.attach(store: store, directory: directory, operations: operations)
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "persistence-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let subscription = WellKnown.subscriptionId

    static func group(_ name: String) -> ResourceID { .resourceGroup(subscriptionID: subscription, name: name) }

    static func account(_ name: String, in group: String) -> ResourceID {
        ResourceID(
            subscriptionID: subscription, resourceGroup: group, namespace: "Microsoft.CognitiveServices",
            types: ["accounts"], names: [name])
    }

    static func request(_ method: String, _ path: String) -> ARMRequest {
        ARMRequest(
            http: HTTPRequest(
                method: method, target: path + "?api-version=2024-11-01", headers: HTTPHeaders([("Host", "localhost:8443")]), body: [],
                isTLS: true))
    }

    /// Id, body, etag and private state exactly; dates to the microsecond (they are kept as ARM
    /// timestamps, 7 fractional digits, which a `Date`'s double cannot always round-trip).
    static func same(_ lhs: [StoredResource], _ rhs: [StoredResource]) -> Bool {
        lhs.count == rhs.count
            && zip(lhs, rhs).allSatisfy { a, b in
                a.id.description == b.id.description && a.body == b.body && a.etag == b.etag && a.privateState == b.privateState
                    && abs(a.createdAt.timeIntervalSince(b.createdAt)) < 1e-5 && abs(a.modifiedAt.timeIntervalSince(b.modifiedAt)) < 1e-5
            }
    }

    static func files(in path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}
