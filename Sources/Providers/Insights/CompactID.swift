import ARMCore
import EmulatorHTTP

/// An id the activity log keeps for every event: a GUID in the lower-case form ARM writes is kept as
/// its 128 bits (16 bytes instead of a 36-character heap string), anything else as its text. It
/// prints exactly the text it was made from.
package enum CompactID: Sendable, Hashable, CustomStringConvertible {
    case guid(UInt64, UInt64)
    case text(String)

    package init(_ text: String) {
        self = Self.guidBits(text).map { .guid($0.0, $0.1) } ?? .text(text)
    }

    /// A new random GUID, kept as its bits from the start (no text to write and parse back).
    package static func newGUID() -> CompactID {
        let (high, low) = newGUIDBits()
        return .guid(high, low)
    }

    package var description: String {
        switch self {
        case .text(let text): text
        case .guid(let high, let low): guidString(high, low)
        }
    }

    /// True when the text is this id, ignoring case (the `$filter` comparison).
    func matches(lowercased wanted: String) -> Bool {
        switch self {
        case .text(let text): text.lowercased() == wanted
        case .guid(let high, let low): Self.guidBits(wanted).map { $0 == (high, low) } ?? false
        }
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lower-case hex only (so the text round-trips).
    private static func guidBits(_ text: String) -> (UInt64, UInt64)? {
        guard text.utf8.count == 36 else { return nil }
        return text.withUTF8Bytes { ARMCore.guidBits($0) }
    }
}
