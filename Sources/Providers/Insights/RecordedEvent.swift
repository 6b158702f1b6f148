import ARMCore
import Foundation

/// The facts of one event the recorder wrote, beside the operation both events of a write share:
/// its `EventData` JSON is rendered from these when it is served, exported or journaled
/// (`ActivityEvent+Rendering.swift`), byte for byte what it was when built whole per event.
struct RecordedEvent: Sendable {
    let operation: RecordedOperation
    /// The instant as recorded: `eventTimestamp` and the ticks of `id` print it.
    let recordedAt: Date
    /// The instant `eventTimestamp` reads back as (7 fractional digits): what the `$filter` and
    /// retention compare.
    let timestamp: Date
    let eventDataID: CompactID
    /// `properties.statusMessage`: the error body, compact.
    let statusMessage: String?
    /// nil: no HTTP status of its own (BeginRequest, a long-running operation's completion).
    let httpStatus: Int?
    let name: ActivityEvent.Name
    let status: ActivityEvent.Status
}
