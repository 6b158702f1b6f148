import ARMCore
import JSON

/// Reading events back from a state document or the journal: all of them are checked before any is used.
extension ActivityLog {
    /// The events of `items`; the error names the first invalid one (`[3]: …`).
    package static func events(from items: [JSONValue]) throws(InsightsError) -> [ActivityEvent] {
        var events: [ActivityEvent] = []
        events.reserveCapacity(items.count)
        var ids = Set<String>()
        for (index, item) in items.enumerated() {
            do throws(InsightsError) {
                let event = try ActivityEvent(json: item)
                guard ids.insert(event.eventDataID.lowercased()).inserted else {
                    throw .badRequest("the eventDataId '\(event.eventDataID)' appears more than once.")
                }
                events.append(event)
            } catch {
                throw .badRequest("[\(index)]: \(error.message)")
            }
        }
        return events
    }
}
