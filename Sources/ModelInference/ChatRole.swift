/// The author of a chat message (OpenAI API reference, chat `messages[].role`).
package enum ChatRole: String, Sendable, Equatable, CaseIterable {
    case system, developer, user, assistant, tool, function

    /// In the order OpenAI lists them in its invalid_value message for `messages[i].role`.
    static let supportedNames = ["system", "assistant", "user", "function", "tool", "developer"]
}
