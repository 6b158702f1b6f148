import ARMCore
import JSON
import Synchronization

/// Responses created with `store` (the default), for `GET /responses/{id}`, `DELETE` and
/// `previous_response_id` chains. Kept per account, in memory, bounded: past `capacity` the oldest
/// is forgotten (EMULATOR CHOICE, docs/dataplane.md; Azure keeps them 30 days).
package final class StoredResponses: Sendable {
    package struct Entry: Sendable {
        /// The account's resource id key: a response is visible only through its own account.
        var account: String
        package var response: JSONValue
        /// The conversation up to and including this response: its chain's items, this call's
        /// input items, then its output items.
        package var items: [JSONValue]
    }

    package let capacity: Int
    private let state = Mutex<(entries: [String: Entry], order: [String])>(([:], []))

    package init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    package func store(_ id: String, account: ResourceID, response: JSONValue, items: [JSONValue]) {
        state.withLock { state in
            if state.entries[id] == nil { state.order.append(id) }
            state.entries[id] = Entry(account: account.key, response: response, items: items)
            while state.order.count > capacity {
                state.entries.removeValue(forKey: state.order.removeFirst())
            }
        }
    }

    package func get(_ id: String, account: ResourceID) -> Entry? {
        state.withLock { $0.entries[id] }.flatMap { $0.account == account.key ? $0 : nil }
    }

    /// True when it existed (and was this account's).
    package func delete(_ id: String, account: ResourceID) -> Bool {
        state.withLock { state in
            guard state.entries[id]?.account == account.key else { return false }
            state.entries.removeValue(forKey: id)
            state.order.removeAll { $0 == id }
            return true
        }
    }

    package func reset() {
        state.withLock { $0 = ([:], []) }
    }
}
