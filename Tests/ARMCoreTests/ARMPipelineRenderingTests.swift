import Testing

@testable import ARMCore

@Suite struct ARMPipelineRenderingTests {
    let pipeline = ARMPipeline(middleware: [], router: Router(routes: []))

    @Test func etagHeaderForm() {
        #expect(ARMPipeline.headerETag("\"abc\"") == "\"abc\"")
        #expect(ARMPipeline.headerETag("W/\"datetime'2025'\"") == "W/\"datetime'2025'\"")
        #expect(ARMPipeline.headerETag("abc") == "\"abc\"")
    }

    @Test func handlerHeadersAreKeptAndHandlerETagWins() {
        let response = pipeline.render(
            ARMResponse(status: 201, headers: .init([("ETag", "\"h\""), ("Retry-After", "1")]), body: ["etag": "\"b\""]))
        #expect(response.headers.values("ETag") == ["\"h\""])
        #expect(response.headers["Retry-After"] == "1")
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
    }

    @Test func errorsGetJSONAndGatewayMarker() {
        let response = pipeline.render(ARMError.missingAPIVersion)
        #expect(response.status == 400)
        #expect(response.headers["x-ms-failure-cause"] == "gateway")
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
    }
}
