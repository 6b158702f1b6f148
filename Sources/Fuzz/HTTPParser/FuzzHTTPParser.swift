// libFuzzer target for EmulatorHTTP's request parser (docs/hardening.md). Built only by `scripts/fuzz`
// (`-sanitize=fuzzer,address -D FUZZING -enable-testing`); a normal `swift build` compiles the
// stub at the bottom, so the package builds in any configuration without libFuzzer.
#if FUZZING
@testable import EmulatorHTTP

/// Small limits so the fuzzer reaches every limit branch with short inputs; the logic is the same
/// as with the server's defaults.
private let limits = HTTPRequestParser.Limits(maxHeaderBytes: 512, maxRequestLineBytes: 128, maxBodyBytes: 256, maxChunkLineBytes: 64)

/// Feeds the input the way `Connection.process()` does: into a buffer, in pieces whose sizes come
/// from the first byte (so the fuzzer explores every split point), taking each complete message and
/// building the `HTTPRequest` handlers see. Invariants are checked with `precondition`, so a
/// violation is a crash that libFuzzer reports and minimises.
@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzHTTPParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let step = Int(data[0] % 32) + 1
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var parser = HTTPRequestParser(limits: limits)
    var buffer = ByteBuffer()
    var offset = 0
    var messages = 0
    feeding: while offset < bytes.count {
        let end = min(bytes.count, offset + step)
        buffer.append(Array(bytes[offset..<end]))
        offset = end
        while true {
            let before = buffer.readableCount
            let (consumed, event) = buffer.withReadableBytes { parser.parse($0) }
            precondition(consumed >= 0 && consumed <= before, "parser consumed \(consumed) of \(before) bytes")
            buffer.consume(consumed)
            switch event {
            case .needMore:
                continue feeding
            case .head:
                precondition(parser.head != nil, ".head without a head")
            case .complete:
                let message = parser.takeMessage()
                precondition(message.body.count <= limits.maxBodyBytes, "body over the limit")
                let lineBreak = message.head.headers.contains { field in
                    field.name.utf8.contains(13) || field.value.utf8.contains(13) || field.value.utf8.contains(10)
                }
                precondition(!lineBreak, "CR or LF inside a parsed header")
                let request = HTTPRequest(
                    method: message.head.method, target: message.head.target, headers: message.head.headers,
                    body: message.body, isTLS: false, remoteAddress: "127.0.0.1", isFromLoopback: true)
                _ = (request.path, request.query, request.baseURL)
                messages += 1
                if messages > 64 { return 0 }
            case .failure:
                return 0  // the connection answers the error and closes
            }
        }
    }
    return 0
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

@_cdecl("FuzzHTTPParser_main")
package func fuzzHTTPParserMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzHTTPParser)
}
#else
@main enum FuzzHTTPParser {
    static func main() {
        print("FuzzHTTPParser is a libFuzzer target: run scripts/fuzz http-parser")
    }
}
#endif
