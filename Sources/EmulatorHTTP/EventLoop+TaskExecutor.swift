/// Handler tasks are created with this loop as their executor preference (SE-0417): their jobs run
/// on the loop thread between I/O batches, so a request is parsed, handled and answered on one
/// thread with no hand-off. A task that hops elsewhere (an actor on another executor, a timer)
/// comes back through `post`.
extension EventLoop: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if isCurrent {
            jobs.append(job)
        } else {
            post(.job(job))
        }
    }
}
