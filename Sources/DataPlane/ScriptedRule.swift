import ARMCore
import JSON

/// One scripted answer for tests (operator API `POST /_emulator/dataplane/rules`): when a call on
/// `deployment` (any when absent) has a last user message containing `match` (case-insensitive;
/// any when absent), answer with `reply` after `latencyMs`, at most `times` times.
///
/// `reply` is one of:
/// - `{"content": "text"}`: that text as the model's answer;
/// - `{"toolCalls": [{"name": "f", "arguments": {...}}]}`: a tool-call answer;
/// - `{"contentFilter": {"on": "prompt" | "completion", "category": "hate"}}`: the prompt's 400
///   `content_filter` error, or an answer cut with `finish_reason: "content_filter"`;
/// - `{"error": {"status": 503, "code": "...", "message": "..."}}`: that status and body.
/// Without `reply`, the backend answers after the latency.
package struct ScriptedRule: Sendable, Equatable {
    package enum Reply: Sendable, Equatable {
        case content(String)
        case toolCalls([(name: String, arguments: String)])
        case contentFilter(onPrompt: Bool, category: String)
        case error(status: Int, code: String, message: String)

        package static func == (lhs: Reply, rhs: Reply) -> Bool { lhs.json == rhs.json }
    }

    package var id: String
    package var deployment: String?
    package var match: String?
    package var times: Int?
    package var latencyMilliseconds: Int
    package var reply: Reply?

    /// Categories of Azure's content filter results.
    static let categories = ["hate", "jailbreak", "self_harm", "sexual", "violence", "protected_material_text", "protected_material_code"]

    /// Validates the operator's JSON; the message names the offending field.
    package init(json: JSONValue, id: String) throws(ScriptedRuleError) {
        guard let object = json.objectValue else { throw ScriptedRuleError("The rule must be a JSON object.") }
        self.id = id
        deployment = try Self.optionalString(object, "deployment")
        match = try Self.optionalString(object, "match")
        if let value = object["times"] {
            guard let times = value.intValue, times >= 1 else { throw ScriptedRuleError("'times' must be an integer >= 1.") }
            self.times = times
        }
        if let value = object["latencyMs"] {
            guard let latency = value.intValue, (0...600_000).contains(latency) else {
                throw ScriptedRuleError("'latencyMs' must be an integer from 0 to 600000.")
            }
            latencyMilliseconds = latency
        } else {
            latencyMilliseconds = 0
        }
        reply = try object["reply"].map { value throws(ScriptedRuleError) in try Self.reply(value) }
        if reply == nil && latencyMilliseconds == 0 { throw ScriptedRuleError("A rule needs a 'reply', a 'latencyMs', or both.") }
    }

    static func optionalString(_ object: JSONObject, _ key: String) throws(ScriptedRuleError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.stringValue, !text.isEmpty else { throw ScriptedRuleError("'\(key)' must be a non-empty string.") }
        return text
    }

    static func reply(_ value: JSONValue) throws(ScriptedRuleError) -> Reply {
        guard let object = value.objectValue, object.count == 1, let (kind, body) = object.pairs.first else {
            throw ScriptedRuleError("'reply' must be an object with exactly one of content, toolCalls, contentFilter, error.")
        }
        switch kind {
        case "content":
            guard let text = body.stringValue else { throw ScriptedRuleError("'reply.content' must be a string.") }
            return .content(text)
        case "toolCalls":
            guard let calls = body.arrayValue, !calls.isEmpty else {
                throw ScriptedRuleError("'reply.toolCalls' must be a non-empty array.")
            }
            var parsed: [(name: String, arguments: String)] = []
            for call in calls {
                guard let name = call["name"]?.stringValue, !name.isEmpty else {
                    throw ScriptedRuleError("Each of 'reply.toolCalls' needs a 'name'.")
                }
                let arguments = call["arguments"].map { $0.stringValue ?? $0.compactString } ?? "{}"
                parsed.append((name, arguments))
            }
            return .toolCalls(parsed)
        case "contentFilter":
            let on = body["on"]?.stringValue ?? "prompt"
            let category = body["category"]?.stringValue ?? "hate"
            guard on == "prompt" || on == "completion" else {
                throw ScriptedRuleError("'reply.contentFilter.on' must be prompt or completion.")
            }
            guard categories.contains(category) else {
                throw ScriptedRuleError("'reply.contentFilter.category' must be one of \(categories.joined(separator: ", ")).")
            }
            return .contentFilter(onPrompt: on == "prompt", category: category)
        case "error":
            guard let status = body["status"]?.intValue, (400...599).contains(status) else {
                throw ScriptedRuleError("'reply.error.status' must be an HTTP error status from 400 to 599.")
            }
            return .error(
                status: status, code: body["code"]?.stringValue ?? String(status),
                message: body["message"]?.stringValue ?? "Scripted error of the Foundry emulator.")
        default:
            throw ScriptedRuleError("'reply' must be one of content, toolCalls, contentFilter, error; got '\(kind)'.")
        }
    }

    /// Whether this rule answers `call`.
    func applies(to call: ModelCall) -> Bool {
        // Embeddings have no text to script: only errors, prompt filters and latency apply to them.
        if call.operation == .embeddings {
            switch reply {
            case .content?, .toolCalls?, .contentFilter(onPrompt: false, _)?: return false
            default: break
            }
        }
        if let deployment, deployment.lowercased() != call.deployment.lowercased() { return false }
        if let match, !call.lastUserText.lowercased().contains(match.lowercased()) { return false }
        return true
    }

    package var json: JSONValue {
        var object: JSONObject = ["id": .string(id)]
        if let deployment { object["deployment"] = .string(deployment) }
        if let match { object["match"] = .string(match) }
        if let times { object["times"] = .int(Int64(times)) }
        if latencyMilliseconds > 0 { object["latencyMs"] = .int(Int64(latencyMilliseconds)) }
        if let reply { object["reply"] = reply.json }
        return .object(object)
    }
}

extension ScriptedRule.Reply {
    var json: JSONValue {
        switch self {
        case .content(let text):
            return ["content": .string(text)]
        case .toolCalls(let calls):
            return [
                "toolCalls": .array(
                    calls.map { call in
                        ["name": .string(call.name), "arguments": (try? JSONParser.parse(call.arguments)) ?? .string(call.arguments)]
                    })
            ]
        case .contentFilter(let onPrompt, let category):
            return ["contentFilter": ["on": .string(onPrompt ? "prompt" : "completion"), "category": .string(category)]]
        case .error(let status, let code, let message):
            return ["error": ["status": .int(Int64(status)), "code": .string(code), "message": .string(message)]]
        }
    }
}
