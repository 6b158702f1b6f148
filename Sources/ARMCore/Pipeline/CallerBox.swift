/// An immutable `Caller` behind one reference (`ARMRequest.caller`).
final class CallerBox: Sendable {
    let caller: Caller

    init(_ caller: Caller) { self.caller = caller }
}
