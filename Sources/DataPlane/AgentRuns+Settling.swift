import ARMCore
import Foundation
import JSON

/// How runs end other than by an answer: failed, cancelled, expired, interrupted by a restart;
/// and how tool outputs move a waiting run on. Steps still in progress end with their run, a reply
/// still being written is left `incomplete`.
extension AgentRuns {
    /// `failed`, `failed_at`, `last_error`; `expires_at` is null once a run has ended (as in the
    /// failed run reported in danny-avila/LibreChat#6728).
    func fail(_ runID: ResourceID, _ failure: RunFailure, sink: AgentEventSink?) {
        let now = objects.unixNow
        guard
            let failed = transition(
                runID, from: ["queued", "in_progress"],
                { body, _ in
                    body["status"] = "failed"
                    body["failed_at"] = .int(Int64(now))
                    body["expires_at"] = .null
                    body["required_action"] = .null
                    body["last_error"] = ThreadRunObject.error(failure.code, failure.message)
                })
        else { return }
        settleChildren(of: failed, stepStatus: "failed", at: now, error: failed.body["last_error"])
        sink?.send("thread.run.failed", failed.body)
    }

    /// `cancel`: the run answers `cancelling` at once; its task is stopped and the run becomes
    /// `cancelled` in the background, as the service does.
    func cancel(_ runID: ResourceID) throws -> StoredResource {
        guard let run = objects.store.get(runID) else { throw DataPlaneError.agentObjectNotFound(.run, runID.name) }
        let status = run.body["status"]?.stringValue ?? ""
        guard ThreadRunObject.pending.contains(status),
            let cancelling = transition(runID, from: ThreadRunObject.pending, { body, _ in body["status"] = "cancelling" })
        else {
            if status == "cancelling" { return run }
            throw DataPlaneError.runCannotBeCancelled(status: status)
        }
        launch(runID) { [self] working in
            working?.cancel()
            await working?.value
            settle(runID, from: ["cancelling"], to: "cancelled")
        }
        return cancelling
    }

    /// Ends a run in `cancelled` or `expired` (with `cancelled_at`), and its unfinished steps.
    @discardableResult
    func settle(_ runID: ResourceID, from: Set<String>, to status: String) -> StoredResource? {
        let now = objects.unixNow
        guard
            let settled = transition(
                runID, from: from,
                { body, _ in
                    body["status"] = .string(status)
                    body["required_action"] = .null
                    body["expires_at"] = .null
                    if status == "cancelled" { body["cancelled_at"] = .int(Int64(now)) }
                })
        else { return nil }
        settleChildren(of: settled, stepStatus: status, at: now, error: nil)
        return settled
    }

    /// A run waiting in `requires_action` past `expires_at` is `expired` when next read (the
    /// service expires it on its own; the emulator does so lazily, docs/agents.md).
    func expireIfDue(_ run: StoredResource) -> StoredResource {
        guard run.body["status"]?.stringValue == "requires_action", let expiry = run.body["expires_at"]?.intValue,
            objects.unixNow >= expiry
        else { return run }
        return settle(run.id, from: ["requires_action"], to: "expired") ?? objects.store.get(run.id) ?? run
    }

    /// The run's steps still `in_progress` take its final status; its reply, if half written, is
    /// `incomplete`.
    func settleChildren(of run: StoredResource, stepStatus: String, at now: Int, error: JSONValue?) {
        for step in objects.children(.step, of: run.id) where step.body["status"]?.stringValue == "in_progress" {
            _ = try? objects.update(step.id, kind: .step) { body, _ in
                body["status"] = .string(stepStatus)
                switch stepStatus {
                case "failed":
                    body["failed_at"] = .int(Int64(now))
                    body["last_error"] = error ?? .null
                case "cancelled": body["cancelled_at"] = .int(Int64(now))
                default: body["expired_at"] = .int(Int64(now))
                }
            }
        }
        guard let thread = run.id.parent else { return }
        for message in objects.children(.message, of: thread)
        where message.body["run_id"]?.stringValue == run.id.name && message.body["status"]?.stringValue == "in_progress" {
            _ = try? objects.update(message.id, kind: .message) { body, _ in
                body["status"] = "incomplete"
                body["incomplete_at"] = .int(Int64(now))
                body["incomplete_details"] = ["reason": .string("run_\(stepStatus)")]
            }
        }
    }

    /// `submit_tool_outputs`: one output for each call the run asked for, no more and no fewer;
    /// the tool calls step records them and completes, the run goes back to `queued`.
    func submitToolOutputs(_ runID: ResourceID, outputs body: JSONValue) throws -> (StoredResource, step: StoredResource?) {
        guard let stored = objects.store.get(runID) else { throw DataPlaneError.agentObjectNotFound(.run, runID.name) }
        let run = expireIfDue(stored)
        let status = run.body["status"]?.stringValue ?? ""
        guard status == "requires_action" else { throw DataPlaneError.runDoesNotAcceptToolOutputs(status: status) }
        guard let outputs = body["tool_outputs"]?.arrayValue else { throw DataPlaneError.missingParameter("tool_outputs") }
        let expected = (run.privateState["pendingCalls"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        let answers = try Self.toolOutputs(outputs, expected: expected)
        let now = objects.unixNow
        let step = run.privateState["pendingStep"]?.stringValue.flatMap { stepID in
            completeToolCallsStep(AgentStore.id(.step, stepID, under: runID), answers: answers, at: now)
        }
        let round: JSONValue = [
            "calls": run.privateState["pendingCalls"] ?? [],
            "outputs": .array(expected.map { ["tool_call_id": .string($0), "output": answers[$0] ?? ""] }),
        ]
        guard
            let queued = transition(
                runID, from: ["requires_action"],
                { body, state in
                    state["toolRounds"] = .array((state["toolRounds"]?.arrayValue ?? []) + [round])
                    state["pendingCalls"] = nil
                    state["pendingStep"] = nil
                    body["status"] = "queued"
                    body["required_action"] = .null
                })
        else { throw DataPlaneError.runDoesNotAcceptToolOutputs(status: objects.store.get(runID)?.body["status"]?.stringValue ?? "") }
        return (queued, step)
    }

    /// The outputs by call id: one for each call the run asked for, no more and no fewer.
    static func toolOutputs(_ outputs: [JSONValue], expected: [String]) throws -> [String: JSONValue] {
        var answers: [String: JSONValue] = [:]
        var got: [String] = []
        for output in outputs {
            guard let id = output["tool_call_id"]?.stringValue else { throw DataPlaneError.missingParameter("tool_outputs.tool_call_id") }
            got.append(id)
            answers[id] = .string(output["output"].map { $0.stringValue ?? $0.compactString } ?? "")
        }
        guard Set(got) == Set(expected), got.count == expected.count else {
            throw DataPlaneError.toolOutputsMismatch(expected: expected, got: got)
        }
        return answers
    }

    /// The tool calls step completes with each call's output beside it.
    private func completeToolCallsStep(_ stepID: ResourceID, answers: [String: JSONValue], at now: Int) -> StoredResource? {
        try? objects.update(stepID, kind: .step) { body, _ in
            body["status"] = "completed"
            body["completed_at"] = .int(Int64(now))
            guard var details = body["step_details"]?.objectValue, let calls = details["tool_calls"]?.arrayValue else { return }
            details["tool_calls"] = .array(
                calls.map { call in
                    guard var object = call.objectValue, var function = object["function"]?.objectValue,
                        let id = object["id"]?.stringValue
                    else { return call }
                    function["output"] = answers[id] ?? .null
                    object["function"] = .object(function)
                    return .object(object)
                })
            body["step_details"] = .object(details)
        }
    }

    /// After a restart or a state import nothing is working: runs that were `queued` or
    /// `in_progress` fail with `server_error`, `cancelling` ones are `cancelled`; runs waiting for
    /// tool outputs keep waiting until they expire (docs/agents.md).
    package func settleInterrupted() {
        for run in objects.allRuns() {
            switch run.body["status"]?.stringValue {
            case "queued", "in_progress":
                fail(
                    run.id,
                    RunFailure(
                        code: "server_error", message: "The run was interrupted: the Foundry emulator stopped while it was working."),
                    sink: nil)
            case "cancelling":
                settle(run.id, from: ["cancelling"], to: "cancelled")
            default:
                break
            }
        }
    }
}
