/// An immutable `Caller` behind one reference (`ARMRequest.caller`). Package-wide so that the
/// authentication step can hand on the box its token cache keeps: a new box per request was an
/// allocation and a copy of every string of the caller (perf).
package final class CallerBox: Sendable {
    package let caller: Caller

    package init(_ caller: Caller) { self.caller = caller }
}
