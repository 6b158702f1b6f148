import Foundation
import Testing

@testable import EmulatorHTTP

@Suite struct HTTPProtocolErrorTests {
    @Test(arguments: [
        (HTTPProtocolError.malformedRequest("x"), 400),
        (.headersTooLarge(limit: 1), 431),
        (.bodyTooLarge(limit: 1), 413),
        (.unsupportedTransferEncoding("gzip"), 501),
        (.uriTooLong(limit: 1), 414),
        (.requestTimeout, 408),
        (.expectationFailed("x"), 417),
        (.httpVersionNotSupported("HTTP/2.0"), 505),
    ])
    func rendersTheDefaultJSONError(error: HTTPProtocolError, status: Int) throws {
        // When the default responder renders the error
        let response = HTTPProtocolError.defaultResponse(for: error)
        // Then it is {"error":{"code","message"}} with the error's status
        #expect(response.status == status)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: [String: String]]
        #expect(object?["error"]?["code"] == error.code)
        #expect(object?["error"]?["message"] == error.message)
    }

    @Test func escapesMessagesIntoValidJSON() throws {
        let response = HTTPProtocolError.defaultResponse(for: .expectationFailed("a\"b\\c\u{1}"))
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: [String: String]]
        #expect(object?["error"]?["message"]?.contains("a\"b\\c\u{1}") == true)
    }
}
