import ARMCore
import JSON

/// Plausible `logprobs` for text the built-in model wrote: one entry per `Tokenizer` piece, with a
/// log-probability derived from a hash of the piece (so stable) in (-2, 0], and `top` alternatives of
/// lower probability (OpenAI API reference, chat `choices[].logprobs.content[]`: token, logprob, bytes,
/// top_logprobs).
enum LogprobsWire {
    static func chat(_ text: String, top: Int) -> JSONValue {
        ["content": .array(Tokenizer.pieces(of: text).map { entry($0, top: top) }), "refusal": nil]
    }

    static func entry(_ token: String, top: Int) -> JSONValue {
        let logprob = logprob(of: token, rank: 0)
        var alternatives: [JSONValue] = [["token": .string(token), "logprob": .double(logprob), "bytes": bytes(token)]]
        for rank in 1..<max(1, top) {
            let alternative = token + String(repeating: "_", count: rank)
            alternatives.append(["token": .string(alternative), "logprob": .double(logprob - Double(rank)), "bytes": bytes(alternative)])
        }
        return [
            "token": .string(token), "logprob": .double(logprob), "bytes": bytes(token),
            "top_logprobs": .array(top == 0 ? [] : Array(alternatives.prefix(top))),
        ]
    }

    static func logprob(of token: String, rank: Int) -> Double {
        -Double(StableHash(token).value % 2000) / 1000
    }

    static func bytes(_ token: String) -> JSONValue {
        .array(token.utf8.map { .int(Int64($0)) })
    }
}
