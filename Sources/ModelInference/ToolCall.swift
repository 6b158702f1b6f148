/// A function call the model asks for: chat `tool_calls[]` (`{id, type: "function", function: {name,
/// arguments}}`) or a Responses `function_call` item (`call_id`, `name`, `arguments`).
package struct ToolCall: Sendable, Equatable {
    package var id: String
    package var name: String
    /// The arguments as a JSON text, as the wire carries them.
    package var arguments: String

    package init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
