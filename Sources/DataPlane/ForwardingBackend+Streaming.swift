import ARMCore
import EmulatorHTTP
import Foundation
import JSON

extension ForwardingBackend {
    /// A streamed call: the head and the first body bytes within the deadline (a backend that
    /// accepts the connection and then says nothing must not hang the client), then the rest passed
    /// through as it arrives, one whole event per write.
    func streamed(_ call: ModelCall, transfer: HTTPClientTransfer, deadline: Task<Void, any Error>) async throws -> ModelAnswer {
        let status = try await transfer.head().status
        var first: [UInt8]?
        while first == nil, let piece = try await transfer.next() {
            if !piece.isEmpty { first = piece }
        }
        guard (200..<300).contains(status) else {
            let rest = try await Self.rest(of: transfer)
            deadline.cancel()
            throw backendError(status: status, body: (first ?? []) + rest)
        }
        deadline.cancel()
        let model = call.model
        let firstChunk = first
        // Chat and completions streams end with `data: [DONE]` (OpenAI API reference, "Streaming");
        // a Responses stream ends with its `response.completed` event and no terminator.
        let terminator = call.operation == .responses ? nil : Array("data: [DONE]\n\n".utf8)
        // The body holds the transfer: dropped unwritten (the answer discarded, the connection gone
        // before the head was sent), it ends the upstream call instead of leaving it open.
        let stream = HTTPBodyStream { writer in
            var framer = SSEFramer()
            var pending = firstChunk
            var sawDone = false
            do {
                while true {
                    let data: [UInt8]
                    if let next = pending {
                        data = next
                        pending = nil
                    } else {
                        guard let next = try await transfer.next() else { break }
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
                transfer.cancel(error)
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
