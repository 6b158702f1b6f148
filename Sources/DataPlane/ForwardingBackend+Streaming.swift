import ARMCore
import EmulatorHTTP
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
import JSON
#endif

extension ForwardingBackend {
    /// A streamed call: the head and the first body bytes within the deadline (a backend that
    /// accepts the connection and then says nothing must not hang the client), then the rest passed
    /// through as it arrives, one whole event per write.
    func streamed(_ call: ModelCall, transfer: BackendTransfer, deadline: Task<Void, any Error>) async throws -> ModelAnswer {
        var status = 0
        var first: Data?
        while first == nil, let piece = try await transfer.next() {
            switch piece {
            case .head(let head): status = head.statusCode
            case .data(let data): if !data.isEmpty { first = data }
            }
        }
        guard (200..<300).contains(status) else {
            let rest = try await Self.readAll(transfer).body
            deadline.cancel()
            throw backendError(status: status, body: Array(first ?? Data()) + rest)
        }
        deadline.cancel()
        let model = call.model
        let firstChunk = first
        // Chat and completions streams end with `data: [DONE]` (OpenAI API reference, "Streaming");
        // a Responses stream ends with its `response.completed` event and no terminator.
        let terminator = call.operation == .responses ? nil : Array("data: [DONE]\n\n".utf8)
        let lease = BackendTransferLease(transfer)
        let stream = HTTPBodyStream { writer in
            let transfer = lease.transfer
            var framer = SSEFramer()
            var pending = firstChunk
            var sawDone = false
            do {
                while true {
                    let data: Data
                    if let next = pending {
                        data = next
                        pending = nil
                    } else {
                        guard let piece = try await transfer.next() else { break }
                        guard case .data(let next) = piece else { continue }
                        data = next
                    }
                    for event in framer.push(data) {
                        sawDone = sawDone || Self.isDone(event)
                        try await writer.write(Self.relabeled(event, model: model))
                    }
                }
                if let rest = framer.finish() {
                    sawDone = sawDone || Self.isDone(rest)
                    try await writer.write(Self.relabeled(rest, model: model))
                }
                if let terminator, !sawDone { try await writer.write(terminator) }
            } catch {
                // The client went away (`ClientGone`) or the backend failed: stop the upstream call;
                // throwing ends the body without its last chunk, so the client sees it cut.
                transfer.fail(error)
                throw error
            }
        }
        return ModelAnswer(passthrough: stream)
    }

    static func isDone(_ event: [UInt8]) -> Bool {
        SSEFramer.data(of: event)?.trimmingCharacters(in: .whitespaces) == "[DONE]"
    }

    /// The event with `model` (chunks) or `response.model` (Responses events) set to the
    /// deployment's model, as Azure's stream carries it; any other event unchanged.
    static func relabeled(_ event: [UInt8], model: String) -> [UInt8] {
        guard let data = SSEFramer.data(of: event), data.hasPrefix("{"), let json = try? JSONParser.parse(data),
            var object = json.objectValue
        else { return event }
        if object["model"]?.stringValue != nil {
            object["model"] = .string(model)
        } else if var response = object["response"]?.objectValue, response["model"]?.stringValue != nil {
            response["model"] = .string(model)
            object["response"] = .object(response)
        } else {
            return event
        }
        let text = String(decoding: event, as: UTF8.self)
        let others = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("data:") }
        let lines = others.map(String.init) + ["data: " + JSONValue.object(object).compactString]
        return Array((lines.joined(separator: "\n") + "\n\n").utf8)
    }
}
