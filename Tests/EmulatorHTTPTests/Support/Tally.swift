import Synchronization

/// A count and a flag that a server thread sets and a test reads.
final class Tally: Sendable {
    private let count = Atomic<Int>(0)
    private let flag = Atomic<Bool>(false)

    func add(_ value: Int) { count.add(value, ordering: .relaxed) }
    var total: Int { count.load(ordering: .relaxed) }

    func raise(_ value: Bool = true) { flag.store(value, ordering: .relaxed) }
    var isRaised: Bool { flag.load(ordering: .relaxed) }
}
