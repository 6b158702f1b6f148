import ARMCore
import JSON

/// A validated `POST /agents/{name}/versions` body (azure-ai-projects `create_version`:
/// `{"definition":{"kind":"prompt","model","instructions"?,"tools"?,...},"description"?,"metadata"?}`).
/// Only prompt agents run; the other kinds answer 501. Tools are kept as sent: function tools run,
/// every other kind is stored and answers 501 when a response would need it.
struct AgentDefinition {
    var definition: JSONObject
    var description: String
    var metadata: JSONObject

    /// The agent kinds of azure-ai-projects' `AgentKind`; only `prompt` is served.
    static let kinds = ["prompt", "hosted", "workflow", "external", "voice", "container_app"]

    init(body: JSONValue) throws {
        guard let object = body.objectValue else { throw DataPlaneError.agentInvalid("The body must be a JSON object.", param: nil) }
        guard let definition = object["definition"]?.objectValue else {
            throw DataPlaneError.agentInvalid("Missing required parameter: 'definition'.", param: "definition")
        }
        guard let kind = definition["kind"]?.stringValue else {
            throw DataPlaneError.agentInvalid("Missing required parameter: 'definition.kind'.", param: "definition.kind")
        }
        guard kind == "prompt" else {
            guard Self.kinds.contains(kind) else {
                throw DataPlaneError.agentInvalid(
                    "Invalid 'definition.kind': '\(kind)'. Supported values are: \(Self.kinds.joined(separator: ", ")).",
                    param: "definition.kind")
            }
            throw DataPlaneError.notServedYet("The agent kind '\(kind)'")
        }
        guard let model = definition["model"]?.stringValue, !model.isEmpty, !model.contains("/") else {
            throw DataPlaneError.agentInvalid("Missing required parameter: 'definition.model'.", param: "definition.model")
        }
        if let instructions = definition["instructions"], !instructions.isNull {
            guard let text = instructions.stringValue else {
                throw DataPlaneError.agentInvalid("Invalid 'definition.instructions': expected a string.", param: "definition.instructions")
            }
            if text.count > ProjectLimits.instructionsCharacters {
                throw DataPlaneError.agentInvalid(
                    "Invalid 'definition.instructions': longer than \(ProjectLimits.instructionsCharacters) characters.",
                    param: "definition.instructions")
            }
        }
        try Self.checkTools(definition["tools"])
        for key in ["temperature", "top_p"] {
            if let value = definition[key], !value.isNull, value.doubleValue == nil {
                throw DataPlaneError.agentInvalid("Invalid 'definition.\(key)': expected a number.", param: "definition.\(key)")
            }
        }
        self.definition = definition
        if let value = object["description"], !value.isNull {
            guard let text = value.stringValue, text.count <= 512 else {
                throw DataPlaneError.agentInvalid(
                    "Invalid 'description': expected a string of at most 512 characters.", param: "description")
            }
            description = text
        } else {
            description = ""
        }
        metadata = try Self.metadata(object["metadata"])
    }

    var model: String { definition["model"]?.stringValue ?? "" }

    /// `tools`: objects with a `type`; function tools need a valid `name` (OpenAI's pattern).
    static func checkTools(_ value: JSONValue?) throws {
        guard let value, !value.isNull else { return }
        guard let tools = value.arrayValue else {
            throw DataPlaneError.agentInvalid("Invalid 'definition.tools': expected an array.", param: "definition.tools")
        }
        if tools.count > ProjectLimits.toolsPerAgent {
            throw DataPlaneError.agentInvalid(
                "Invalid 'definition.tools': at most \(ProjectLimits.toolsPerAgent) tools per agent.", param: "definition.tools")
        }
        for (index, tool) in tools.enumerated() {
            let param = "definition.tools[\(index)]"
            guard let type = tool["type"]?.stringValue else {
                throw DataPlaneError.agentInvalid("Missing required parameter: '\(param).type'.", param: param + ".type")
            }
            guard type == "function" else { continue }
            let name = tool["name"]?.stringValue ?? ""
            let valid =
                (1...64).contains(name.count)
                && name.unicodeScalars.allSatisfy { scalar in
                    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
                }
            guard valid else {
                throw DataPlaneError.agentInvalid(
                    "Invalid '\(param).name': expected a string that matches the pattern '^[a-zA-Z0-9_-]{1,64}$'.", param: param + ".name")
            }
        }
    }

    /// At most 16 string values (OpenAI API reference, "Metadata").
    static func metadata(_ value: JSONValue?) throws -> JSONObject {
        guard let value, !value.isNull else { return [:] }
        guard let object = value.objectValue, object.count <= 16, object.pairs.allSatisfy({ $0.value.stringValue != nil }) else {
            throw DataPlaneError.agentInvalid("Invalid 'metadata': expected an object of at most 16 string values.", param: "metadata")
        }
        return object
    }

    /// Agent names: 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit
    /// (EMULATOR CHOICE, docs/agents.md: the rule of Azure resource names the portal applies).
    static func checkName(_ name: String) throws {
        let scalars = Array(name.unicodeScalars)
        func alphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        }
        guard (1...63).contains(scalars.count), alphanumeric(scalars[0]), alphanumeric(scalars[scalars.count - 1]),
            scalars.allSatisfy({ alphanumeric($0) || $0 == "-" })
        else {
            throw DataPlaneError.agentInvalid(
                "Invalid agent name '\(name)': use 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.",
                param: "agent_name")
        }
    }
}
