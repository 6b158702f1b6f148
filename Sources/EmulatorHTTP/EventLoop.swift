import COpenSSL
import Glibc
import Synchronization

/// One epoll thread. It owns its connections (all their state is touched only here), runs the
/// handler tasks it starts (it is their `TaskExecutor`, so a request normally never leaves this
/// thread), and checks deadlines. Other threads talk to it through `post`: a lock-protected inbox
/// plus an eventfd wake-up.
final class EventLoop: @unchecked Sendable {
    enum Message: Sendable {
        case job(UnownedJob)
        case adopt(Int32, Socket.Peer)
        case respond(Connection, HTTPResponse)
        /// A streamed body's producer wrote; resumed from the loop once there is room.
        case streamWrite(ConnectionBodySink, [UInt8], CheckedContinuation<Void, any Error>)
        /// A streamed body's producer returned or threw.
        case streamEnded(ConnectionBodySink, failed: Bool)
        case shutdown(deadline: UInt64)
    }

    private struct Inbox {
        var messages: [Message] = []
        var wakePending = false
        var stopped = false
    }

    static let listenerToken = UInt64.max
    static let wakeToken = UInt64.max - 1
    static let scratchSize = 64 * 1024

    let index: Int
    let context: ServerContext
    let epoll: Epoll
    private let wakeup: EventFD
    private let inbox = Mutex(Inbox())
    /// pthread_t of the loop thread while it runs, 0 otherwise.
    private let threadID = Atomic<UInt>(0)

    // Loop-confined state: only the loop thread reads or writes these.
    var siblings: [EventLoop] = []
    var jobs: [UnownedJob] = []
    private var runningJobs: [UnownedJob] = []
    /// Connections with a response queued since the last flush (`flushAfterJobs`), and when the first came.
    var pendingFlushes: [Connection] = []
    var flushing: [Connection] = []
    var pendingSince: UInt64 = 0
    private var spareMessages: [Message] = []
    private var connections: [Connection?] = []
    private var generations: [UInt32] = []
    private var freeSlots: [Int] = []
    private(set) var liveConnections = 0
    /// Every read lands here first; the parser's buffer only keeps what it has not consumed.
    private(set) var scratch = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private(set) var now: UInt64 = 0
    var date = HTTPDate()
    private(set) var draining = false
    private var drainDeadline: UInt64 = 0
    private var nextTimerScan: UInt64 = 0
    var listening = false
    var acceptResumesAt: UInt64 = 0

    init(index: Int, context: ServerContext) throws {
        self.index = index
        self.context = context
        self.epoll = try Epoll()
        do {
            self.wakeup = try EventFD()
        } catch {
            epoll.close()
            throw error
        }
        epoll.add(wakeup.fd, events: Epoll.readable, token: Self.wakeToken)
    }

    /// For a loop whose thread never started (a failed `start()`): release its descriptors.
    func discardUnstarted() {
        epoll.close()
        wakeup.close()
        siblings = []
    }

    /// Before the threads start: every loop waits on the one listening socket; EPOLLEXCLUSIVE wakes
    /// a single idle loop per connection instead of all of them.
    func registerListener() {
        listening = epoll.add(context.listener, events: Epoll.readable | Epoll.exclusive, token: Self.listenerToken)
    }

    var isCurrent: Bool { threadID.load(ordering: .relaxed) == LoopThread.current }

    /// The loop thread's body; returns after shutdown.
    func run() {
        threadID.store(LoopThread.current, ordering: .releasing)
        scratch = .allocate(byteCount: Self.scratchSize, alignment: 16)
        let events = UnsafeMutableBufferPointer<epoll_event>.allocate(capacity: 512)
        defer { events.deallocate() }
        now = MonotonicClock.now()
        nextTimerScan = now + context.timerInterval

        while true {
            let timeout: Int32 = jobs.isEmpty ? Int32(min((nextTimerScan &- min(now, nextTimerScan)) / 1_000_000 + 1, 1000)) : 0
            let count = epoll.wait(into: events, timeout: timeout)
            now = MonotonicClock.now()
            for position in 0..<count {
                let event = events[position]
                switch event.data.u64 {
                case Self.listenerToken:
                    acceptConnections()
                case Self.wakeToken:
                    wakeup.drain()
                    drainInbox()
                case let token:
                    connection(for: token)?.handle(events: event.events)
                }
            }
            runJobs()
            flushPending()
            if now >= nextTimerScan { scanTimers() }
            if draining && (liveConnections == 0 || now >= drainDeadline) { break }
        }
        stop()
    }

    /// From any thread (on the loop's own thread the message is handled at once). After the loop
    /// stopped, jobs go to the global executor and the rest is dropped.
    func post(_ message: Message) {
        if isCurrent {
            handle(message)
            return
        }
        let rejected: Message? = inbox.withLock { inbox in
            if inbox.stopped { return message }
            inbox.messages.append(message)
            if !inbox.wakePending {
                inbox.wakePending = true
                // Under the lock: once `stopped` is set the eventfd may be closed and its number reused.
                wakeup.signal()
            }
            return nil
        }
        if let rejected { discard(rejected) }
    }

    /// Hands a handler's response to its connection, on the connection's thread.
    func deliver(_ response: HTTPResponse, to connection: Connection) {
        if isCurrent {
            connection.respond(response)
        } else {
            post(.respond(connection, response))
        }
    }

    /// Stops accepting, closes idle connections and lets the others finish until `deadline`.
    private func beginDrain(deadline: UInt64) {
        draining = true
        drainDeadline = deadline
        if listening {
            epoll.remove(context.listener)
            listening = false
        }
        for slot in connections.indices {
            if let connection = connections[slot], connection.isIdle { connection.close() }
        }
    }

    // MARK: Connections

    func adopt(_ fd: Int32, _ peer: Socket.Peer) {
        guard !draining else {
            Socket.close(fd)
            context.connectionCount.wrappingSubtract(1, ordering: .relaxed)
            return
        }
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = connections.count
            connections.append(nil)
            generations.append(0)
        }
        generations[slot] &+= 1
        let token = UInt64(generations[slot]) << 32 | UInt64(slot)
        guard epoll.add(fd, events: Epoll.readable, token: token) else {
            Socket.close(fd)
            freeSlots.append(slot)
            context.connectionCount.wrappingSubtract(1, ordering: .relaxed)
            return
        }
        let connection = Connection(loop: self, fd: fd, token: token, peer: peer)
        connections[slot] = connection
        liveConnections += 1
        connection.start()
    }

    /// Called by `Connection.close()` after the socket is closed.
    func connectionClosed(_ connection: Connection) {
        let slot = Int(connection.token & 0xFFFF_FFFF)
        guard slot < connections.count, connections[slot] === connection else { return }
        connections[slot] = nil
        freeSlots.append(slot)
        liveConnections -= 1
        context.connectionCount.wrappingSubtract(1, ordering: .relaxed)
    }

    private func connection(for token: UInt64) -> Connection? {
        let slot = Int(token & 0xFFFF_FFFF)
        guard slot < connections.count, let connection = connections[slot], connection.token == token else { return nil }
        return connection
    }

    // MARK: Internals

    private func drainInbox() {
        var messages = spareMessages
        inbox.withLock { inbox in
            inbox.wakePending = false
            swap(&inbox.messages, &messages)
        }
        for message in messages { handle(message) }
        messages.removeAll(keepingCapacity: true)
        spareMessages = messages
    }

    private func handle(_ message: Message) {
        switch message {
        case .job(let job): jobs.append(job)
        case .adopt(let fd, let peer): adopt(fd, peer)
        case .respond(let connection, let response): connection.respond(response)
        case .streamWrite(let sink, let bytes, let continuation): sink.deliver(bytes, continuation)
        case .streamEnded(let sink, let failed): sink.finish(failed: failed)
        case .shutdown(let deadline): beginDrain(deadline: deadline)
        }
    }

    /// Runs the jobs queued so far; the ones they enqueue wait for the next turn so I/O is not starved.
    private func runJobs() {
        guard !jobs.isEmpty else { return }
        swap(&jobs, &runningJobs)
        let executor = asUnownedTaskExecutor()
        for job in runningJobs {
            job.runSynchronously(on: executor)
            if !pendingFlushes.isEmpty && MonotonicClock.now() &- pendingSince >= Self.flushBudget { flushPending() }
        }
        runningJobs.removeAll(keepingCapacity: true)
    }

    private func scanTimers() {
        nextTimerScan = now + context.timerInterval
        if !listening && !draining && acceptResumesAt != 0 && now >= acceptResumesAt {
            acceptResumesAt = 0
            registerListener()
        }
        for slot in connections.indices {
            if let connection = connections[slot], connection.deadline != 0, now >= connection.deadline {
                connection.deadlineExpired()
            }
        }
    }

    /// Leaves the loop: refuse further messages, close every connection, hand pending jobs (tasks
    /// of handlers still running) to the global executor so they can finish.
    private func stop() {
        let leftovers = inbox.withLock { inbox -> [Message] in
            inbox.stopped = true
            defer { inbox.messages = [] }
            return inbox.messages
        }
        threadID.store(0, ordering: .releasing)
        for message in leftovers { discard(message) }
        for slot in connections.indices {
            if let connection = connections[slot] { connection.close() }
        }
        for job in jobs + runningJobs { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
        jobs = []
        runningJobs = []
        if listening { epoll.remove(context.listener) }
        listening = false
        epoll.close()
        wakeup.close()
        siblings = []
        scratch.deallocate()
        scratch = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    }

    private func discard(_ message: Message) {
        switch message {
        case .job(let job):
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
        case .adopt(let fd, _):
            Socket.close(fd)
            context.connectionCount.wrappingSubtract(1, ordering: .relaxed)
        case .streamWrite(_, _, let continuation):
            continuation.resume(throwing: HTTPBodyWriter.ClientGone())  // the loop and its connections are gone
        case .respond, .streamEnded, .shutdown:
            break
        }
    }
}
