/// How much Assistants-style state one project may hold, so a runaway test cannot exhaust the
/// emulator's memory (EMULATOR CHOICE, docs/agents.md). Azure's own limits are larger (OpenAI's
/// Assistants API allows 100,000 messages per thread); a call past one of these answers 400
/// `limit_exceeded` and changes nothing.
package enum AgentLimits {
    package static let assistants = 1_000
    package static let threads = 1_000
    package static let messages = 10_000
    package static let runs = 10_000
    /// Steps: at most `maxModelRounds` tool rounds plus one message per run.
    package static let steps = 10_000 * (maxModelRounds + 1)
    /// Characters of one message's text (OpenAI's limit is 256,000; the emulator keeps less).
    package static let messageCharacters = 32_768
    /// Function tools of one assistant or run (OpenAI's limit).
    package static let tools = 128
    /// Model calls of one run before it fails: each round that asks for tool outputs is one.
    package static let maxModelRounds = 20
    /// `limit` of list calls: 1 to 100, default 20 (OpenAI Assistants API reference).
    package static let defaultPageSize = 20
    package static let maxPageSize = 100
    /// Seconds a run may wait in `requires_action` before it expires (`expires_at` is created + 600
    /// in Azure's recorded runs).
    package static let expirySeconds = 600

    static func perProject(_ kind: AgentStore.Kind) -> Int {
        switch kind {
        case .assistant: assistants
        case .thread: threads
        case .message: messages
        case .run: runs
        case .step: steps
        }
    }
}
