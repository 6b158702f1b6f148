/// How much agent state one project may hold, so that a runaway test cannot exhaust the emulator's
/// memory (EMULATOR CHOICE, docs/agents.md "Limits"). Azure documents 128 tools per agent
/// (learn.microsoft.com/azure/ai-foundry/agents/quotas-limits), OpenAI 256,000 characters of
/// instructions and 20 items per conversation call (OpenAI API reference); the counts are the
/// emulator's. Past a limit a create answers 400 `limit_exceeded` naming it.
enum ProjectLimits {
    static let agents = 1_000
    static let versionsPerAgent = 100
    static let toolsPerAgent = 128
    static let instructionsCharacters = 256_000
    static let conversations = 10_000
    static let itemsPerConversation = 1_000
    /// Items one `conversations.create` or `items.create` may add (OpenAI's limit of 20 per call).
    static let itemsPerCall = 20
    static let responses = 10_000
}
