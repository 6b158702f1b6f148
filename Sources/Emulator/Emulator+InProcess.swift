import EmulatorHTTP

extension Emulator {
    /// Answers a request exactly as the server would (operator API, Entra ID, ARM pipeline,
    /// durability wait), without a socket: for tests that run hundreds of clients at once.
    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        await handler.handle(request)
    }
}
