import ARMCore
import Foundation
import Synchronization

/// The ARM pipeline step that writes the activity log (docs/activity-log.md "What is recorded"). It sits after
/// authentication, route match and the subscription check and before authorization, so it sees
/// every write (PUT, PATCH), delete and action (POST) of a known caller, including RBAC denials,
/// fault-injected errors and handler failures, and records Azure's pair: BeginRequest (Started)
/// and EndRequest (Succeeded, Failed, or Accepted for a 202 whose long-running operation is
/// recorded when it finishes). Reads are not recorded (schema doc: the Administrative category
/// has "all create, update, delete, and action operations performed through Resource Manager");
/// unauthenticated calls never reach this step: they have no caller to record.
/// Internal requests (a template deployment's resources) pass here too, with the correlation id
/// of the request that caused them, as Azure records deployment-created resources.
package final class ActivityLogRecorder: ARMMiddleware {
    package let log: ActivityLog
    let operations: LongRunningOperations?
    let now: @Sendable () -> Date
    /// 202 operations whose long-running operation has not finished yet, by operation id.
    let pending = Mutex<[String: RecordedOperation]>([:])

    package init(log: ActivityLog, operations: LongRunningOperations? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.log = log
        self.operations = operations
        self.now = now
        operations?.setCompletionHandler { [weak self] status in self?.operationFinished(status) }
    }

    static let recordedMethods: Set<String> = ["PUT", "PATCH", "POST", "DELETE"]

    /// Requests that are not recorded go on at once.
    package func passOn(_ request: inout ARMRequest) throws -> Bool {
        !Self.isRecorded(request)
    }

    static func isRecorded(_ request: ARMRequest) -> Bool {
        recordedMethods.contains(request.method) && request.route != nil && request.caller != nil
    }

    package func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        guard Self.recordedMethods.contains(request.method), request.route != nil, let caller = request.caller else {
            return try await next.respond(to: request)
        }
        let operation = RecordedOperation(request: request, caller: caller)
        log.append(.make(operation, name: .beginRequest, status: .started, httpStatus: nil, error: nil, at: now()))
        let response: ARMResponse
        do {
            response = try await next.respond(to: request)
        } catch let error as ARMError {
            log.append(.make(operation, name: .endRequest, status: .failed, httpStatus: error.status, error: error.envelopeJSON, at: now()))
            throw error
        } catch {
            let internalError = ARMError.internalServerError()
            log.append(.make(operation, name: .endRequest, status: .failed, httpStatus: 500, error: internalError.envelopeJSON, at: now()))
            throw error
        }
        if response.status >= 400 {
            log.append(.make(operation, name: .endRequest, status: .failed, httpStatus: response.status, error: response.body, at: now()))
        } else if let operationID = runningOperation(of: response) {
            log.append(.make(operation, name: .endRequest, status: .accepted, httpStatus: response.status, error: nil, at: now()))
            awaitCompletion(operationID, operation)
        } else {
            log.append(.make(operation, name: .endRequest, status: .succeeded, httpStatus: response.status, error: nil, at: now()))
        }
        return response
    }

    /// The id of the still-running operation a 201/202 points at (`Azure-AsyncOperation` or
    /// `Location`: the last path segment of either is the operation id).
    func runningOperation(of response: ARMResponse) -> String? {
        guard response.status == 201 || response.status == 202, let operations else { return nil }
        for header in ["Azure-AsyncOperation", "Location"] {
            guard let url = response.headers[header] else { continue }
            let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
            guard let id = path.split(separator: "/").last.map(String.init), let status = operations.status(id) else { continue }
            // A 201 whose work already finished is an ordinary success.
            if status.state.isTerminal && response.status == 201 { return nil }
            return id
        }
        return nil
    }

    /// Records the completion once, whichever comes second: this registration or the operation's end.
    func awaitCompletion(_ operationID: String, _ operation: RecordedOperation) {
        pending.withLock { $0[operationID] = operation }
        if let status = operations?.status(operationID), status.state.isTerminal { operationFinished(status) }
    }

    func operationFinished(_ status: OperationStatus) {
        guard let operation = pending.withLock({ $0.removeValue(forKey: status.id) }) else { return }
        let succeeded = status.state == .succeeded
        log.append(
            .make(
                operation, name: .endRequest, status: succeeded ? .succeeded : .failed, httpStatus: nil,
                error: status.error?.envelopeJSON, at: status.endTime ?? now()))
    }

    /// Forgets completions still awaited (operator reset: their operations are gone).
    package func reset() {
        pending.withLock { $0 = [:] }
    }
}
