import ARMCore
import Testing

@testable import ARMTemplates

@Suite struct TemplateExpressionParserTests {
    @Test func plainStringsAreNotExpressions() throws {
        #expect(try TemplateExpressionParser.expression(inJSONString: "hello") == nil)
        #expect(try TemplateExpressionParser.expression(inJSONString: "[abc") == nil)
    }

    @Test func doubleBracketEscapesALiteral() throws {
        #expect(try TemplateExpressionParser.expression(inJSONString: "[[variables('x')]") == .literal(.string("[variables('x')]")))
    }

    @Test func parsesNestedCallsPropertiesAndIndexes() throws {
        let parsed = try TemplateExpressionParser.parse("concat(resourceGroup().location, 'it''s', parameters('a')[1].b)")
        #expect(
            parsed
                == .call(
                    "concat",
                    [
                        .property(.call("resourcegroup", []), "location"),
                        .literal(.string("it's")),
                        .property(.index(.call("parameters", [.literal(.string("a"))]), .literal(.int(1))), "b"),
                    ]))
    }

    @Test func rejectsMalformedExpressions() {
        #expect(throws: TemplateError.self) { try TemplateExpressionParser.parse("concat('a'") }
        #expect(throws: TemplateError.self) { try TemplateExpressionParser.parse("'unterminated") }
        #expect(throws: TemplateError.self) { try TemplateExpressionParser.parse("noparens") }
        #expect(throws: TemplateError.self) { try TemplateExpressionParser.parse("a() b()") }
    }
}
