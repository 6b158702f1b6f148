/// Keeps the repeated parts of a run of parsed objects once. Activity-log events read back from
/// the journal keep the JSON they came as, and consecutive events repeat most of it (the token's
/// claims, the operation's request and resource, every member name): parsed one by one, each held
/// its own copy of all of that, about 8 KB an event (docs/performance.md). `shared` answers the
/// same JSON with an equal member as one shared value and a member name as one shared string, so
/// the same bytes are served, and the parsed copy can go.
package final class JSONSharing {
    /// Member name -> the last few distinct values seen under it, most recent first.
    private var recent: [String: [JSONValue]] = [:]
    private var names: [String: String] = [:]
    private static let remembered = 4

    package init() {}

    /// `object` with its member names and repeated values shared.
    package func shared(_ object: JSONObject) -> JSONObject {
        var pairs: [(key: String, value: JSONValue)] = []
        pairs.reserveCapacity(object.count)
        for (key, value) in object.pairs { pairs.append((name(key), shared(value, as: key))) }
        return JSONObject(distinctMembers: pairs)
    }

    private func name(_ key: String) -> String {
        // Up to 15 bytes a string lives inside its value: nothing to share.
        guard key.utf8.count > 15 else { return key }
        if let shared = names[key] { return shared }
        names[key] = key
        return key
    }

    private func shared(_ value: JSONValue, as key: String) -> JSONValue {
        switch value {
        case .string(let text) where text.utf8.count > 15: break
        case .object, .array: break
        default: return value
        }
        var seen = recent[key, default: []]
        if let match = seen.firstIndex(where: { Self.identical($0, value) }) {
            let shared = seen[match]
            if match != 0 {
                seen.remove(at: match)
                seen.insert(shared, at: 0)
                recent[key] = seen
            }
            return shared
        }
        let kept: JSONValue = if case .object(let members) = value { .object(shared(members)) } else { value }
        seen.insert(kept, at: 0)
        if seen.count > Self.remembered { seen.removeLast() }
        recent[key] = seen
        return kept
    }

    /// Same members in the same order with identical values, all the way down (`==` on objects
    /// ignores the order, which is part of what is served).
    package static func identical(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)):
            left.count == right.count
                && zip(left.pairs, right.pairs).allSatisfy { $0.key == $1.key && identical($0.value, $1.value) }
        case (.array(let left), .array(let right)):
            left.count == right.count && zip(left, right).allSatisfy { identical($0, $1) }
        case (.double(let left), .double(let right)):
            // `-0.0 == 0.0`, yet they print differently.
            left.bitPattern == right.bitPattern
        default:
            lhs == rhs
        }
    }
}
