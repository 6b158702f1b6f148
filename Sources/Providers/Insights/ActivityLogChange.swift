/// What the durability journal hears from the activity log: one event appended, or the whole log
/// replaced (reset, state import). Retention drops are not journaled: a restart applies the same
/// retention to what it loads.
package enum ActivityLogChange: Sendable, Equatable {
    case append(ActivityEvent)
    case replaceAll([ActivityEvent])
}
