import ARMCore
import Foundation
import JSON
import Synchronization

/// Where the Assistants-style objects of a Foundry project live (azure-ai-agents 1.x): assistants,
/// threads, their messages and runs, and the runs' steps, each a `StoredResource` in the shared
/// `ResourceStore` below the project's ARM id (`{project}/threads/{id}/messages/{id}`), so they are
/// durable with `--data-dir`, part of `/_emulator/state`, cleared by reset and deleted with their
/// project. The body is the object exactly as the wire shows it; `privateState.sequence` orders
/// listings (ids are random, as Azure's are). Limits per project: `AgentLimits` (docs/agents.md).
package final class AgentStore: Sendable {
    /// The kinds of object and their resource types below `Microsoft.CognitiveServices/accounts/projects`.
    package enum Kind: String, Sendable, CaseIterable {
        case assistant = "assistants"
        case thread = "threads"
        case message = "messages"
        case run = "runs"
        case step = "steps"

        /// The full resource type (`Microsoft.CognitiveServices/accounts/projects/threads/messages`).
        package var resourceType: String {
            let base = "Microsoft.CognitiveServices/accounts/projects/"
            switch self {
            case .assistant, .thread: return base + rawValue
            case .message, .run: return base + "threads/" + rawValue
            case .step: return base + "threads/runs/steps"
            }
        }

        /// Azure's id prefix (`asst_`, `thread_`, `msg_`, `run_`, `step_`).
        var idPrefix: String {
            switch self {
            case .assistant: "asst_"
            case .thread: "thread_"
            case .message: "msg_"
            case .run: "run_"
            case .step: "step_"
            }
        }
    }

    package let store: ResourceStore
    let now: @Sendable () -> Date
    /// The last sequence number handed out: microseconds since 1970, bumped past the previous one,
    /// so creation order survives a restart (the clock moves on) without a stored counter.
    private let lastSequence = Mutex<Int64>(0)

    package init(store: ResourceStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    /// Unix seconds, the unit of every `*_at` field.
    var unixNow: Int { Int(now().timeIntervalSince1970) }

    /// A new id in Azure's form: the prefix and 24 letters and digits (`asst_abc123...`).
    static func newID(_ kind: Kind) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return kind.idPrefix + String((0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    func nextSequence() -> Int64 {
        let micros = Int64(now().timeIntervalSince1970 * 1_000_000)
        return lastSequence.withLock { last in
            last = max(last + 1, micros)
            return last
        }
    }

    /// The project's ARM id on the request's account.
    static func projectID(_ request: DataPlaneRequest) throws -> ResourceID {
        try request.requiredAccount.id.child(type: "projects", name: try request.parameter("projectName"))
    }

    /// The id of an object below `parent` (the project, a thread or a run).
    static func id(_ kind: Kind, _ name: String, under parent: ResourceID) -> ResourceID {
        parent.child(type: kind.rawValue, name: name)
    }

    /// The object, or the service's 404 naming it.
    func require(_ kind: Kind, _ name: String, under parent: ResourceID) throws -> StoredResource {
        // Ids are case-sensitive on the wire; the store's keys are not, so compare the stored name.
        guard let found = store.get(Self.id(kind, name, under: parent)), found.id.name == name else {
            throw DataPlaneError.agentObjectNotFound(kind, name)
        }
        return found
    }

    /// Stores a new object below `parent` after checking the per-project limit of its kind.
    @discardableResult
    func create(
        _ kind: Kind, id: String, under parent: ResourceID, project: ResourceID, body: JSONObject, privateState: JSONObject = [:]
    )
        throws -> StoredResource
    {
        // A run finishing while its thread (or project) is deleted must not leave orphans behind.
        guard store.contains(parent) else { throw DataPlaneError.agentObjectNotFound(Self.kind(of: parent), parent.name) }
        let limit = AgentLimits.perProject(kind)
        if count(kind, in: project) >= limit { throw DataPlaneError.agentLimitReached(kind, limit: limit) }
        var state = privateState
        state["sequence"] = .int(nextSequence())
        return try store.put(Self.id(kind, id, under: parent), body: body, privateState: state, bodyETag: false).resource
    }

    /// The kind of a parent id (a thread or a run; the project itself never goes missing mid-call).
    static func kind(of parent: ResourceID) -> Kind {
        Kind(rawValue: parent.types.last ?? "") ?? .thread
    }

    /// How many objects of a kind the project holds (an index range scan of that type).
    func count(_ kind: Kind, in project: ResourceID) -> Int {
        var total = 0
        var after: String?
        repeat {
            let page = store.page(under: project, types: [kind.resourceType], after: after, limit: 1000)
            total += page.items.count
            after = page.nextKey
        } while after != nil
        return total
    }

    /// Rewrites an object's body (and private state); 404 when it vanished meanwhile.
    @discardableResult
    func update(_ resource: ResourceID, kind: Kind, _ modify: (inout JSONObject, inout JSONObject) throws -> Void) throws -> StoredResource
    {
        do {
            return try store.updateResource(resource) { stored in try modify(&stored.body, &stored.privateState) }
        } catch let error as ARMError where error.status == 404 {
            throw DataPlaneError.agentObjectNotFound(kind, resource.name)
        }
    }

    /// The children of one kind in creation order.
    func children(_ kind: Kind, of parent: ResourceID) -> [StoredResource] {
        store.children(of: parent, type: kind.resourceType).sorted { Self.sequence($0) < Self.sequence($1) }
    }

    static func sequence(_ resource: StoredResource) -> Int64 {
        resource.privateState["sequence"]?.intValue.map(Int64.init) ?? 0
    }

    /// Every run of the store, for settling after a restart or a state import.
    func allRuns() -> [StoredResource] {
        store.all(under: nil, types: [Kind.run.resourceType])
    }
}
