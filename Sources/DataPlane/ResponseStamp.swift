import ARMCore
import EmulatorHTTP
import Foundation
import JSON
import ModelInference
import Synchronization

/// What the agent service adds to a response it ran for an agent or in a conversation (recorded
/// answers of Azure/azure-sdk-assets, `sample_agent_basic`): `agent_reference` and `conversation`
/// on the response, `agent_reference` and `response_id` on each output item. Applied to a complete
/// answer, or event by event to a stream whatever backend produced it; `finished` gets the final
/// response when the stream's `response.completed` (or `.incomplete`, `.failed`) goes by, so it
/// can be stored and appended to the conversation.
struct ResponseStamp: Sendable {
    var agentReference: JSONValue?
    var conversationID: String?

    init(agent: JSONValue?, conversationID: String?) {
        agentReference = agent.map { agent in
            ["type": "agent_reference", "name": agent["name"] ?? .null, "version": agent["version"] ?? .null]
        }
        self.conversationID = conversationID
    }

    func response(_ response: JSONValue) -> JSONValue {
        guard var object = response.objectValue else { return response }
        let id = object["id"]
        if let agentReference { object["agent_reference"] = agentReference }
        object["conversation"] = conversationID.map { ["id": .string($0)] } ?? object["conversation"] ?? .null
        if let output = object["output"]?.arrayValue {
            object["output"] = .array(output.map { item($0, responseID: id) })
        }
        return .object(object)
    }

    func item(_ item: JSONValue, responseID: JSONValue?) -> JSONValue {
        guard var object = item.objectValue else { return item }
        if let agentReference { object["agent_reference"] = agentReference }
        if let responseID { object["response_id"] = responseID }
        return .object(object)
    }

    /// The stream with every event stamped.
    func stream(_ stream: HTTPBodyStream, finished: @escaping @Sendable (JSONValue) -> Void) -> HTTPBodyStream {
        let framer = Mutex(SSEFramer())
        let responseID = Mutex<JSONValue?>(nil)
        return stream.transformed { bytes in
            let events = framer.withLock { $0.push(bytes) }
            return events.flatMap { event -> [UInt8] in
                guard let data = SSEFramer.data(of: event), data.hasPrefix("{"), let json = try? JSONParser.parse(data),
                    var object = json.objectValue
                else { return event }
                if let response = object["response"] {
                    let stamped = self.response(response)
                    object["response"] = stamped
                    responseID.withLock { $0 = stamped["id"] }
                    let type = object["type"]?.stringValue ?? ""
                    if ["response.completed", "response.incomplete", "response.failed"].contains(type) { finished(stamped) }
                }
                if let item = object["item"] { object["item"] = self.item(item, responseID: responseID.withLock { $0 }) }
                return ServerSentEvents.typed(.object(object))
            }
        }
    }
}
