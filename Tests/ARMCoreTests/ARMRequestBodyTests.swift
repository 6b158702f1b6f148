import Testing

@testable import ARMCore

@Suite struct ARMRequestBodyTests {
    private func request(body: String?, contentType: String? = "application/json") -> ARMRequest {
        var headers: [(String, String)] = []
        if let contentType { headers.append(("Content-Type", contentType)) }
        return ARMRequest(http: Fixture.http("PUT", "/x", headers: headers.isEmpty ? [("X-None", "1")] : headers, body: body))
    }

    @Test func objectBodyIsParsed() throws {
        #expect(try request(body: #"{"location":"eastus"}"#).jsonBody() == ["location": "eastus"])
    }

    @Test func emptyBodyIsMissingContent() {
        for body in ["", "  \n"] {
            let error = expectARMError { _ = try request(body: body).jsonBody() }
            #expect(error == .missingRequestContent)
        }
    }

    @Test func nonJSONContentTypeIs415() {
        let error = expectARMError { _ = try request(body: "a=b", contentType: "application/x-www-form-urlencoded").jsonBody() }
        #expect(error?.status == 415)
        #expect(error?.code == "UnsupportedMediaType")
    }

    @Test func jsonMediaTypesAreAccepted() throws {
        for type in [
            "application/json", "Application/JSON; charset=utf-8", "text/json", "application/merge-patch+json",
            " application/json ;odata=verbose",
        ] {
            #expect(try request(body: "{}", contentType: type).jsonBody() == [:], "\(type)")
        }
    }

    @Test func nearMissesOfJSONMediaTypesAre415() {
        for type in [
            "application/jsonx", "application/json-patch", "json", "+jsonp", "text/plain; x=application/json", "", "applicatio/json",
        ] {
            #expect(expectARMError { _ = try request(body: "{}", contentType: type).jsonBody() }?.status == 415, "\(type)")
        }
        #expect(ARMRequest.isJSONMediaType("APPLICATION/VND.API+JSON;charset=utf-8"))
        #expect(ARMRequest.isJSONMediaType("\ttext/JSON\t"))
        #expect(!ARMRequest.isJSONMediaType("application/j\u{017F}on"))
    }

    @Test func missingContentTypeIsTolerated() throws {
        let http = Fixture.http("PUT", "/x")
        var raw = http
        raw.body = Array("{}".utf8)
        #expect(try ARMRequest(http: raw).jsonBody() == [:])
    }

    @Test func nonObjectJSONIsInvalidContent() {
        let error = expectARMError { _ = try request(body: "[1]").jsonBody() }
        #expect(error?.code == "InvalidRequestContent")
        #expect(error?.message.contains("expected an object but got Array") == true)
    }

    @Test func malformedJSONIsInvalidContent() {
        let error = expectARMError { _ = try request(body: #"{"a":}"#).jsonBody() }
        #expect(error?.code == "InvalidRequestContent")
        #expect(error?.status == 400)
    }

    @Test func oversizedBodyIs413() {
        let big = "{\"a\":\"" + String(repeating: "x", count: ARMRequest.maxBodySize) + "\"}"
        let error = expectARMError { _ = try request(body: big).jsonBody() }
        #expect(error?.status == 413)
    }

    @Test func optionalBody() throws {
        #expect(try request(body: nil, contentType: nil).optionalJSONBody() == nil)
        #expect(try request(body: #"{"keyName":"Key1"}"#).optionalJSONBody() == ["keyName": "Key1"])
    }
}
