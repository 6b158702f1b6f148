// libFuzzer target for the parsers that read untrusted request text after the HTTP codec
// (docs/hardening.md): JSON bodies (strict and the JSONC that azure-cli's templates use), resource ids (paths and
// ids inside bodies), query strings with percent-encoding, ARM template expressions and the activity
// log's `$filter`. Built only
// by `scripts/fuzz`; a normal `swift build` compiles the stub at the bottom.
#if FUZZING
import ARMCore
import ARMTemplates
import Foundation
import InsightsProvider
import JSON

/// Every parser sees every input: a rejection must be a thrown error (an ARM-shaped 400 upstream),
/// never a trap. Invariants are `precondition`s, so a violation is a crash libFuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzARMParsers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)

    // JSON: whatever parses must serialize to JSON that parses again and serializes identically
    // (what the store writes is what a later GET returns).
    for options in [JSONParser.Options(), .jsonc] {
        guard let value = try? JSONParser.parse(bytes, options: options) else { continue }
        let written = value.serialized()
        guard let reread = try? JSONParser.parse(written) else {
            preconditionFailure("serialized JSON does not parse: \(String(decoding: written, as: UTF8.self))")
        }
        precondition(reread.serialized() == written, "JSON serialization is not stable")
    }

    // Resource ids: a parsed id prints as an id that parses to the same id.
    if let id = ResourceID(text) {
        let printed = id.description
        precondition(ResourceID(printed) == id, "resource id does not round-trip: \(printed)")
        _ = (id.parent, id.scope, id.fullType, id.qualifiedName, id.level)
    }
    _ = try? ResourceID.parse(text, property: "id")
    _ = ResourceID.isGUID(text)
    try? ResourceID.validateSubscriptionID(text)

    // Query strings and percent-decoding (path segments and query values arrive encoded).
    let query = QueryParameters(text)
    _ = query["api-version"]
    _ = text.removingPercentEncodingLeniently
    _ = text.addingQueryValueEncoding

    // The activity log's `$filter`: a parse either throws (a flat 400) or yields the same filter again.
    if let filter = try? ActivityLogFilter(parsing: text) {
        precondition((try? ActivityLogFilter(parsing: text)) == filter, "the filter parse is not deterministic")
    }
    _ = ActivityLogFilter.timestamp(text)

    // Template expressions, as written in a JSON string and bare; whatever parses is evaluated
    // (the functions do arithmetic and indexing on values a deployment PUT controls).
    if let expression = try? TemplateExpressionParser.expression(inJSONString: text) {
        evaluate(expression)
    }
    if let expression = try? TemplateExpressionParser.parse(text) {
        evaluate(expression)
    }
    return 0
}

private let context = DeploymentContext(
    subscriptionID: "00000000-0000-0000-0000-000000000001", tenantID: "00000000-0000-0000-0000-000000000002",
    resourceGroupName: "rg", resourceGroupLocation: "westeurope", deploymentName: "fuzz",
    now: Date(timeIntervalSince1970: 1_800_000_000), newGUID: { "00000000-0000-0000-0000-000000000003" })

private let template: JSONObject = {
    let text =
        #"{"parameters":{"n":{"type":"int","defaultValue":9223372036854775807},"s":{"type":"string","defaultValue":"abc"},"#
        + #""a":{"type":"array","defaultValue":[1,"x",{"k":null}]},"o":{"type":"object","defaultValue":{"k":[1,2]}}},"#
        + #""variables":{"v":"[parameters('s')]"},"resources":[]}"#
    return (try? JSONParser.parse(text))?.objectValue ?? JSONObject()
}()

/// Evaluates on a fresh evaluator and waits: the harness is synchronous, the evaluator async
/// (reference()/list*() may read resources; here they read none).
private func evaluate(_ expression: TemplateExpression) {
    guard let evaluator = try? TemplateEvaluator(template: template, parameters: JSONObject(), context: context) else { return }
    let done = DispatchSemaphore(value: 0)
    Task {
        _ = try? await evaluator.evaluate(expression, scope: TemplateEvaluator.LoopScope())
        done.signal()
    }
    done.wait()
}

// libFuzzer provides `main` (linked whole-archive by `-sanitize=fuzzer`); SwiftPM links an
// executable target's entry point as `<module>_main` with `--defsym main=...`, so that symbol
// must exist and hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("FuzzARMParsers_main")
package func fuzzARMParsersMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzARMParsers)
}
#else
@main enum FuzzARMParsers {
    static func main() {
        print("FuzzARMParsers is a libFuzzer target: run scripts/fuzz arm-parsers")
    }
}
#endif
