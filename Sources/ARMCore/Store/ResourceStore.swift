import Foundation
import JSON
import Synchronization

/// The in-memory resource store every provider uses. Resources are keyed by their lower-cased id
/// (ids are case-insensitive, docs/azure-behaviours.md "Case-insensitivity and names") and indexed in key order, overall and per type, so
/// a page of a listing costs O(log n + page) however many resources there are.
///
/// Every operation is atomic under one lock; the closures given to `update` run under it, so they
/// must be quick and must not call back into the store. `upsert`'s may run more than once, outside it.
package final class ResourceStore: Sendable {
    /// The result of a write.
    package struct Write: Sendable {
        package let resource: StoredResource
        /// True when the resource did not exist before (PUT answers 201, else 200).
        package let created: Bool
    }

    struct State {
        /// Records are held by reference, compact (`CompactResource`): a dictionary keeps up to twice
        /// as many buckets as entries, and a bucket holding the record itself cost more per resource
        /// than the record's heap objects; holding a reference costs 8 (docs/performance.md).
        private var boxes = RecordIndex()
        var order = SortedKeyList()
        /// Lower-cased full type -> keys of that type.
        var byType: [String: SortedKeyList] = [:]
        /// Lower-cased full type -> writes and removals of that type so far (`TypeRevision`). The
        /// counters outlive a reset or restore (readers hold them), which bumps each.
        var typeRevisions: [String: TypeRevision] = [:]

        var count: Int { boxes.count }

        /// The resource, its body read back.
        subscript(key: String) -> StoredResource? { boxes[key]?.resource }

        /// The record as kept, without reading its body back.
        func record(_ key: String) -> CompactResource? { boxes[key] }

        /// Adds or replaces (same key) a resource; every write goes through here or `remove`.
        /// Answers the resource as given (its body as a tree), its id sharing the store's copy of
        /// its subscription id.
        @discardableResult
        mutating func insert(_ resource: StoredResource) -> StoredResource {
            let resource = resource.sharingSubscriptionID()
            insert(CompactResource(resource))
            return resource
        }

        /// Adds or replaces (same key) a record encoded beforehand, outside the lock.
        mutating func insert(_ record: CompactResource) {
            let key = record.id.key
            let type = record.id.fullType.lowercasedIfNeeded
            if boxes.updateValue(record, forKey: key) == nil {
                order.insert(key)
                byType[type, default: SortedKeyList()].insert(key)
            }
            typeRevision(type).bump()
        }

        mutating func remove(key: String) -> StoredResource? {
            guard let removed = boxes.removeValue(forKey: key)?.resource else { return nil }
            order.remove(key)
            let type = removed.id.fullType.lowercasedIfNeeded
            byType[type]?.remove(key)
            if byType[type]?.isEmpty == true { byType[type] = nil }
            typeRevision(type).bump()
            return removed
        }

        /// The counter of a lower-cased type, created on first use.
        mutating func typeRevision(_ type: String) -> TypeRevision {
            if let revision = typeRevisions[type] { return revision }
            let revision = TypeRevision()
            typeRevisions[type] = revision
            return revision
        }

        /// Replaces the whole content by `fresh`, keeping the counters readers hold, and bumps every
        /// counter: nothing cached from before is taken as current.
        mutating func replace(by fresh: State) {
            var revisions = typeRevisions
            revisions.merge(fresh.typeRevisions) { kept, _ in kept }
            self = fresh
            typeRevisions = revisions
            for revision in revisions.values { revision.bump() }
        }

    }

    /// Identifies the contents of one resource type: equal revisions mean no resource of that type
    /// was written or removed in between. Lets readers cache what they derive from a type (the
    /// RBAC engine's parsed role assignments) instead of re-reading it on every request.
    package struct Revision: Sendable, Equatable {
        let count: UInt64
    }

    /// The counter of a type's revisions, to keep and read on every request without the store's
    /// lock (`TypeRevision.current`).
    package func typeRevision(_ type: String) -> TypeRevision {
        state.withLock { $0.typeRevision(type.lowercasedIfNeeded) }
    }

    package func revision(ofType type: String) -> Revision {
        typeRevision(type).current
    }

    let state = Mutex(State())
    /// Wire bytes of stored bodies by etag, for GETs that answer a resource as stored.
    package let renderedBodies = RenderedBodyCache()
    let now: @Sendable () -> Date
    /// Told of every change under the lock (durability); nil keeps the store purely in memory.
    let observer: (any ResourceStoreObserver)?
    /// When true, a resource inside a resource group can only be created while that group exists
    /// and is not being deleted, checked under the same lock as the write: a create racing with
    /// the group's cascading delete either lands before the delete (and goes with it) or fails,
    /// never leaving an orphan (docs/durability-and-load.md "Concurrency"). The emulator turns it on; unit tests of providers
    /// that store resources without their group leave it off.
    let requiresResourceGroups: Bool

    package init(
        now: @escaping @Sendable () -> Date = { Date() }, observer: (any ResourceStoreObserver)? = nil,
        requiresResourceGroups: Bool = false
    ) {
        self.now = now
        self.observer = observer
        self.requiresResourceGroups = requiresResourceGroups
    }

    /// A new entity tag: a quoted GUID, the form CognitiveServices uses (`"\"5b01…\""` in JSON;
    /// docs/azure-behaviours.md "ETags and conditional requests").
    package static func newETag() -> String { "\"" + newGUID() + "\"" }

    package var count: Int { state.withLock { $0.count } }

    package func get(_ id: ResourceID) -> StoredResource? {
        state.withLock { $0.record(id.key) }?.resource
    }

    package func contains(_ id: ResourceID) -> Bool {
        state.withLock { $0.record(id.key) != nil }
    }

    /// The resource, or 404 `ResourceNotFound`.
    package func require(_ id: ResourceID) throws -> StoredResource {
        guard let resource = get(id) else { throw ARMError.resourceNotFound(id) }
        return resource
    }

    /// Create-or-replace (PUT). `privateState` nil keeps the existing private state.
    /// `bodyETag` puts the new etag into the body as `etag` (the default; every resource carries
    /// one, docs/azure-behaviours.md "ETags and conditional requests").
    @discardableResult
    package func put(
        _ id: ResourceID, body: JSONObject, privateState: JSONObject? = nil, precondition: Precondition? = nil,
        bodyETag: Bool = true
    ) throws -> Write {
        try upsert(id, precondition: precondition, bodyETag: bodyETag) { existing in
            (body, privateState ?? existing?.privateState ?? JSONObject())
        }
    }

    /// Atomic read-modify-write: `build` sees the current resource (nil when absent) and returns the
    /// new body and private state. The precondition is checked against the same state.
    ///
    /// `build` may run more than once, so it must do nothing but compute its result: the new
    /// record is built and encoded outside the lock from the record read first, and stored only
    /// if that record is still the current one (the same object, or still none); a write in
    /// between makes it start over, and after `optimisticAttempts` such misses the whole write
    /// runs under the lock. Building and encoding under the lock made the two event loops queue
    /// for it (perf of the PUT benchmark, docs/performance.md "Locks on the write path").
    @discardableResult
    package func upsert(
        _ id: ResourceID, precondition: Precondition? = nil, bodyETag: Bool = true,
        _ build: (StoredResource?) throws -> (body: JSONObject, privateState: JSONObject)
    ) throws -> Write {
        let date = now()
        // Drawn before the lock: the less a write holds it, the less the other event loop waits.
        let etag = Self.newETag()
        let key = id.key
        // The checks in their order (precondition, then the group of a create, then the builder's
        // own), with the group read by `checkGroup` (under the lock or taking it).
        func record(from existing: StoredResource?, checkGroup: () throws -> Void) throws -> StoredResource {
            try precondition?.check(existing)
            if existing == nil, requiresResourceGroups { try checkGroup() }
            var (body, privateState) = try build(existing)
            if bodyETag { body["etag"] = .string(etag) } else { body["etag"] = nil }
            return StoredResource(
                id: id, body: body, etag: etag, createdAt: existing?.createdAt ?? date, modifiedAt: date, privateState: privateState)
        }
        var seen = state.withLock { $0.record(key) }
        for _ in 0..<Self.optimisticAttempts {
            // The group of a create is checked again where the record is stored.
            let stored = try record(from: seen?.resource) {
                try state.withLock { try Self.checkResourceGroup(of: id, in: $0) }
            }.sharingSubscriptionID()
            let compact = CompactResource(stored)
            let written = try state.withLock { state -> Bool in
                let current = state.record(key)
                guard current === seen else {
                    seen = current
                    return false
                }
                if current == nil, requiresResourceGroups { try Self.checkResourceGroup(of: id, in: state) }
                state.insert(compact)
                observer?.resourceStore(didChange: .put(stored))
                return true
            }
            if written { return Write(resource: stored, created: seen == nil) }
        }
        return try state.withLock { state in
            let existing = state[key]
            let stored = state.insert(try record(from: existing) { try Self.checkResourceGroup(of: id, in: state) })
            observer?.resourceStore(didChange: .put(stored))
            return Write(resource: stored, created: existing == nil)
        }
    }

    /// Optimistic tries of `upsert` before it takes the lock for the whole write.
    static let optimisticAttempts = 2

    /// Atomic in-place change of an existing body (PATCH, provisioning-state moves). A new etag is
    /// issued; the body's `etag` is refreshed when it has one. 404 `ResourceNotFound` when absent.
    @discardableResult
    package func update(
        _ id: ResourceID, precondition: Precondition? = nil, _ modify: (inout JSONObject) throws -> Void
    ) throws -> StoredResource {
        try updateResource(id, precondition: precondition) { resource in try modify(&resource.body) }
    }

    /// Like `update`, with access to the whole record (private state included). The id and
    /// creation date cannot change.
    @discardableResult
    package func updateResource(
        _ id: ResourceID, precondition: Precondition? = nil, _ modify: (inout StoredResource) throws -> Void
    ) throws -> StoredResource {
        let date = now()
        let etag = Self.newETag()
        return try state.withLock { state in
            // A missing resource is 404 whatever If-Match says (PATCH row of the docs/azure-behaviours.md "ETags and conditional requests"
            // table).
            guard let existing = state[id.key] else { throw ARMError.resourceNotFound(id) }
            try precondition?.check(existing)
            var resource = existing
            try modify(&resource)
            resource.id = existing.id
            resource.createdAt = existing.createdAt
            resource.modifiedAt = date
            resource.etag = etag
            if resource.body["etag"] != nil { resource.body["etag"] = .string(resource.etag) }
            let stored = state.insert(resource)
            observer?.resourceStore(didChange: .put(stored))
            return stored
        }
    }

    /// Removes one resource (not its children) and returns it; nil when it did not exist.
    /// `If-Match` on a missing resource is not an error here: DELETE answers 204 (docs/azure-behaviours.md "ETags and conditional requests"
    /// table).
    @discardableResult
    package func delete(_ id: ResourceID, precondition: Precondition? = nil) throws -> StoredResource? {
        try state.withLock { state in
            guard let existing = state[id.key] else { return nil }
            try precondition?.check(existing)
            let removed = state.remove(key: id.key)
            if let removed { observer?.resourceStore(didChange: .delete(removed.id)) }
            return removed
        }
    }

    /// Removes `id` and everything below it (children, extension resources), for cascading
    /// deletes. Answers what was removed, in key order (a parent before its children).
    @discardableResult
    package func removeAll(under id: ResourceID) -> [StoredResource] {
        state.withLock { state in
            var keys: [String] = []
            if state.record(id.key) != nil { keys.append(id.key) }
            let (lower, upper) = Self.range(under: id)
            state.order.forEach(from: lower, below: upper) { key in
                keys.append(key)
                return true
            }
            let removed = keys.compactMap { state.remove(key: $0) }
            if let observer { for resource in removed { observer.resourceStore(didChange: .delete(resource.id)) } }
            return removed
        }
    }

    /// Direct children of `parent` of one type, in key order. `type` is a full type
    /// (`Microsoft.CognitiveServices/accounts/deployments`) or, under a provider resource, just the
    /// child type (`deployments`).
    package func children(of parent: ResourceID, type: String) -> [StoredResource] {
        let fullType = (type.contains("/") || parent.level != .resource ? type : parent.fullType + "/" + type).lowercased()
        let records = state.withLock { state -> [CompactResource] in
            guard let keys = state.byType[fullType] else { return [] }
            var result: [CompactResource] = []
            let (lower, upper) = Self.range(under: parent)
            keys.forEach(from: lower, below: upper) { key in
                if let record = state.record(key), record.id.parent == parent { result.append(record) }
                return true
            }
            return result
        }
        return records.map(\.resource)
    }

    /// One page of the resources strictly below `prefix` (everything when nil), of the given full
    /// types (any when nil, case-insensitive), passing `filter`, in key order, after the key
    /// `after` (exclusive). `nextKey` is the last key of the page when more may follow, else nil.
    /// Cost: O(t·log n + scanned) where t is the number of types and scanned is the page plus the
    /// items `filter` rejects.
    package func page(
        under prefix: ResourceID?, types: Set<String>? = nil, after: String? = nil, limit: Int,
        filter: (StoredResource) -> Bool = { _ in true }
    ) -> (items: [StoredResource], nextKey: String?) {
        let limit = max(limit, 1)
        let (lower, upper) = prefix.map(Self.range(under:)) ?? ("", nil)
        var start = after.map { $0 >= lower ? ($0, false) : (lower, true) } ?? (lower, true)
        let types = types.map { Set($0.map { $0.lowercased() }) }
        var found: [StoredResource] = []
        // Records are taken under the lock and read back and filtered outside it, a batch at a
        // time, so a page does not hold the store while bodies are read back.
        while found.count <= limit {
            let wanted = limit + 1 - found.count
            let records = state.withLock { state in Self.records(in: state, types: types, from: start, below: upper, count: wanted) }
            // Read back directly: a listing's records would push the hot ones out of the cache.
            for record in records {
                let resource = record.readBack()
                if filter(resource) { found.append(resource) }
            }
            guard records.count == wanted, let last = records.last else { break }
            start = (last.id.key, false)
        }
        guard found.count > limit else { return (found, nil) }
        let items = Array(found.prefix(limit))
        return (items, items.last?.id.key)
    }

    /// Up to `count` records of `types` (lower-cased; any when nil) in key order from `start`
    /// (inclusive or not) below `upper`.
    static func records(
        in state: State, types: Set<String>?, from start: (String, Bool), below upper: String?, count: Int
    ) -> [CompactResource] {
        var result: [CompactResource] = []
        func collect(_ index: SortedKeyList) {
            var taken = 0
            index.forEach(from: start.0, inclusive: start.1, below: upper) { key in
                guard let record = state.record(key) else { return true }
                result.append(record)
                taken += 1
                return taken < count
            }
        }
        guard let types else {
            collect(state.order)
            return result
        }
        for type in types {
            if let index = state.byType[type] { collect(index) }
        }
        if types.count > 1 {
            result.sort { $0.id.key < $1.id.key }
            if result.count > count { result.removeLast(result.count - count) }
        }
        return result
    }

    /// Every resource strictly below `prefix` of the given types, in key order (unpaged; for
    /// cascades and aggregates, not for responses).
    package func all(under prefix: ResourceID?, types: Set<String>? = nil) -> [StoredResource] {
        var result: [StoredResource] = []
        var after: String?
        repeat {
            let page = page(under: prefix, types: types, after: after, limit: 1000)
            result += page.items
            after = page.nextKey
        } while after != nil
        return result
    }

    /// Removes everything (operator `reset`).
    package func reset() {
        state.withLock { state in
            state.replace(by: State())
            observer?.resourceStore(didChange: .removeAll)
        }
    }

    /// Every resource, in key order (for durability).
    package func snapshot() -> [StoredResource] {
        state.withLock { state in state.order.all.compactMap { state.record($0) } }.map { $0.readBack() }
    }

    /// Replaces the whole content with `resources`.
    package func restore(_ resources: [StoredResource]) {
        var fresh = State()
        for resource in resources { fresh.insert(resource) }
        state.withLock { state in
            state.replace(by: fresh)
            observer?.resourceStore(didChange: .replaceAll(resources))
        }
    }

    /// 404 `ResourceGroupNotFound` when the group of a new resource is absent, 409
    /// `ResourceGroupBeingDeleted` while it is being deleted (as ARM answers a create there).
    static func checkResourceGroup(of id: ResourceID, in state: State) throws {
        guard id.level == .resource, let subscriptionID = id.subscriptionID, let groupName = id.resourceGroup else { return }
        guard let group = state[ResourceID.resourceGroup(subscriptionID: subscriptionID, name: groupName).key] else {
            throw ARMError.resourceGroupNotFound(groupName)
        }
        if group.body["properties"]?["provisioningState"]?.stringValue == "Deleting" {
            throw ARMError.resourceGroupBeingDeleted(groupName)
        }
    }

    /// Keys strictly below `id`: `[key + "/", key + "0")`, since `0` follows `/` in ASCII and
    /// strings order by Unicode scalars.
    static func range(under id: ResourceID) -> (String, String?) {
        if id == .tenantRoot { return ("/", nil) }
        return (id.key + "/", id.key + "0")
    }
}
