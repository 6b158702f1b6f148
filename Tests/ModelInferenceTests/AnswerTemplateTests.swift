import Testing

@testable import ModelInference

/// The built-in answer's templates are filled without Foundation: the first `%@` only, the rest kept.
@Suite struct AnswerTemplateTests {
    @Test func theFirstPlaceholderIsFilled() {
        #expect(BuiltInResponder.filled("a \"%@\".", with: "x %@ y") == "a \"x %@ y\".")
        #expect(BuiltInResponder.filled("%@", with: "é") == "é")
        #expect(BuiltInResponder.filled("no placeholder %", with: "x") == "no placeholder %")
        #expect(BuiltInResponder.filled("ends with %@", with: "") == "ends with ")
        #expect(BuiltInResponder.filled("%@ and %@", with: "1") == "1 and %@")
    }

    @Test func everyTemplateHasOneOrNoPlaceholder() {
        for template in BuiltInResponder.openings + BuiltInResponder.closings {
            let filled = BuiltInResponder.filled(template, with: "VALUE")
            #expect(!filled.contains("%@"), "\(template)")
        }
    }
}
