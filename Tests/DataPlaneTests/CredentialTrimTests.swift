import Testing

@testable import DataPlane

/// A presented key is trimmed as Foundation's `.whitespaces` trims it, with a shortcut for the usual key.
@Suite struct CredentialTrimTests {
    @Test func keysAreTrimmedOfSurroundingWhitespaceOnly() {
        #expect(CredentialMiddleware.trimmed("abc123") == "abc123")
        #expect(CredentialMiddleware.trimmed("  abc123\t") == "abc123")
        #expect(CredentialMiddleware.trimmed("a b") == "a b")
        #expect(CredentialMiddleware.trimmed("\u{00A0}abc\u{00A0}") == "abc")
        #expect(CredentialMiddleware.trimmed("") == "")
        #expect(CredentialMiddleware.trimmed("   ") == "")
    }
}
