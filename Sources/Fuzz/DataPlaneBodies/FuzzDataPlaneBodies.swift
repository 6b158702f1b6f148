// libFuzzer target for the data plane's request bodies: the JSON a client POSTs to chat
// completions, completions, embeddings and responses, then the built-in responder on whatever
// parses (JSON schemas in `response_format` and tool parameters drive its output), and the
// operator's scripted rules. Built only by `scripts/fuzz data-plane-bodies`; a normal
// `swift build` compiles the stub at the bottom.
#if FUZZING
import ARMCore
import DataPlane
import JSON
import ModelInference

/// A rejection must be a thrown error (a 400 with `param` upstream), never a trap; invariants are
/// `precondition`s, so a violation is a crash libFuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzDataPlaneBodies(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The depth the data plane's BodyMiddleware allows.
    guard let json = try? JSONParser.parse(bytes, maxDepth: 256) else { return 0 }
    let responder = BuiltInResponder()
    let model = "gpt-4o"

    if let request = try? ChatCompletionRequest(json: json) {
        _ = Tokenizer.estimatedRateLimitTokens(for: request)
        let result = responder.chat(request, model: model)
        let wire = ChatCompletionWire(id: "chatcmpl-fuzz", created: 0, model: model)
        checkSerializes(wire.completion(result))
        for event in wire.streamEvents(result, includeUsage: true) { checkSerializes(event) }
    }
    if let request = try? CompletionRequest(json: json) {
        _ = Tokenizer.estimatedRateLimitTokens(for: request)
        let result = responder.completion(request, model: "gpt-35-turbo-instruct")
        let wire = CompletionWire(id: "cmpl-fuzz", created: 0, model: model)
        checkSerializes(wire.completion(result))
        for event in wire.streamEvents(result, includeUsage: true) { checkSerializes(event) }
    }
    if let request = try? EmbeddingsRequest(json: json) {
        _ = Tokenizer.estimatedRateLimitTokens(for: request)
        let embeddingModel = "text-embedding-3-small"
        if (try? request.checkDimensions(model: embeddingModel)) != nil {
            let result = responder.embeddings(request, model: embeddingModel)
            checkSerializes(EmbeddingsWire.list(result, model: embeddingModel, encoding: request.encodingFormat))
        }
    }
    if let request = try? ResponsesRequest(json: json) {
        _ = Tokenizer.estimatedRateLimitTokens(for: request)
        let result = responder.respond(request, history: [], model: model)
        let wire = ResponsesWire(id: "resp_fuzz", createdAt: 0, model: model)
        checkSerializes(wire.response(request, result: result))
        for event in wire.streamEvents(request, result: result) { checkSerializes(event) }
    }
    // A rule that validates must survive its own round trip (it is listed and exported as JSON).
    if let rule = try? ScriptedRule(json: json, id: "rule-fuzz") {
        guard let again = try? ScriptedRule(json: rule.json, id: "rule-fuzz") else {
            preconditionFailure("a scripted rule's own JSON does not validate: \(rule.json.compactString)")
        }
        precondition(again == rule, "a scripted rule does not round-trip")
    }
    return 0
}

/// What the responder produced is written to a client: it must serialize to JSON that parses.
private func checkSerializes(_ value: JSONValue) {
    let written = value.serialized()
    precondition((try? JSONParser.parse(written, maxDepth: 10_000)) != nil, "an answer does not serialize to JSON")
}

// libFuzzer provides `main`; SwiftPM links an executable target's entry point as `<module>_main`,
// so that symbol hands control to libFuzzer's driver (as in FuzzARMParsers).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("FuzzDataPlaneBodies_main")
package func fuzzDataPlaneBodiesMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzDataPlaneBodies)
}
#else
@main enum FuzzDataPlaneBodies {
    static func main() {
        print("FuzzDataPlaneBodies is a libFuzzer target: run scripts/fuzz data-plane-bodies")
    }
}
#endif
