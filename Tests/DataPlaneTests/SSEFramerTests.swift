import Testing

@testable import DataPlane

@Suite struct SSEFramerTests {
    @Test func eventsSplitAnywhereComeOutWhole() {
        let text = "event: a\ndata: {\"x\":1}\n\ndata: two\r\n\r\n: comment\n\ndata: [DONE]\n\n"
        let bytes = Array(text.utf8)
        for cut in 1..<bytes.count {
            var framer = SSEFramer()
            let events = framer.push(bytes[..<cut]) + framer.push(bytes[cut...])
            #expect(
                events.map { String(decoding: $0, as: UTF8.self) }
                    == ["event: a\ndata: {\"x\":1}\n\n", "data: two\n\n", ": comment\n\n", "data: [DONE]\n\n"], "cut at \(cut)")
            #expect(framer.finish() == nil)
        }
    }

    @Test func anUnterminatedLastEventIsFlushedAtTheEnd() {
        var framer = SSEFramer()
        #expect(framer.push(Array("data: 1\n\ndata: 2".utf8)).count == 1)
        #expect(framer.finish().map { String(decoding: $0, as: UTF8.self) } == "data: 2\n\n")
        #expect(SSEFramer.data(of: Array("event: x\ndata: a\ndata: b\n\n".utf8)) == "a\nb")
    }
}
