import EmulatorHTTP
import Foundation
import Testing

@testable import Identity

@Suite struct TokenRequestTests {
    @Test func readsFormFieldsAndBasicCredentials() {
        // Given a form with an encoded scope and Basic credentials with encoded characters
        let credentials = Data("my%3Aapp:p%40ss+word".utf8).base64EncodedString()
        let http = formPost(
            "/t/oauth2/v2.0/token", [("scope", "https://x//.default openid"), ("client_info", "1"), ("empty", "")],
            headers: [("Authorization", "Basic \(credentials)")])
        // When parsed
        let request = TokenRequest(http: http, version: .v2, authority: .organizations)
        // Then values are decoded and empty fields count as absent
        #expect(request.field("scope") == "https://x//.default openid")
        #expect(request.field("empty") == nil)
        #expect(request.wantsClientInfo)
        #expect(request.clientID == "my:app")
        #expect(request.clientSecret == "p@ss word")
        #expect(request.baseURL == "https://localhost:8443")
    }

    @Test func missingFieldIsNamed() {
        let request = TokenRequest(http: formPost("/t/oauth2/token", []), version: .v1, authority: .common)
        #expect(throws: EntraError.missingParameter("resource")) { try request.requestedScopes() }
    }
}
