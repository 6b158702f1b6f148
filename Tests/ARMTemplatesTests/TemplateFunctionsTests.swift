import ARMCore
import JSON
import Testing

@testable import ARMTemplates

@Suite struct TemplateFunctionsTests {
    @Test(arguments: [
        ("[concat('a', 'b', 1, true)]", "\"ab1True\""),
        ("[concat(createArray(1), createArray(2, 3))]", "[1,2,3]"),
        ("[format('{0}-{1:D3}-{{x}}', 'a', 7)]", "\"a-007-{x}\""),
        ("[if(equals(1, 1), 'yes', 'no')]", "\"yes\""),
        ("[and(true, not(false))]", "true"),
        ("[or(false, false)]", "false"),
        ("[equals(json('{\"a\":[1]}'), createObject('a', createArray(1)))]", "true"),
        ("[empty('')]", "true"),
        ("[empty(createArray(1))]", "false"),
        ("[length('hello')]", "5"),
        ("[contains('foobar', 'oba')]", "true"),
        ("[contains(createObject('Key', 1), 'key')]", "true"),
        ("[contains(createArray('a', 'b'), 'c')]", "false"),
        ("[toLower('AbC')]", "\"abc\""),
        ("[toUpper('AbC')]", "\"ABC\""),
        ("[replace('a-b-c', '-', '')]", "\"abc\""),
        ("[substring('hello', 1, 3)]", "\"ell\""),
        ("[split('a,b;c', createArray(',', ';'))]", "[\"a\",\"b\",\"c\"]"),
        ("[string(createObject('a', 1))]", "\"{\\\"a\\\":1}\""),
        ("[int('42')]", "42"),
        ("[bool('TRUE')]", "true"),
        ("[array('x')]", "[\"x\"]"),
        (
            "[union(createObject('a', 1, 'n', createObject('x', 1)), createObject('b', 2, 'n', createObject('y', 2)))]",
            "{\"a\":1,\"n\":{\"x\":1,\"y\":2},\"b\":2}"
        ),
        ("[union(createArray(1, 2), createArray(2, 3))]", "[1,2,3]"),
        (
            "[resourceId('Microsoft.Storage/storageAccounts', 'st1')]",
            "\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/st1\""
        ),
        (
            "[resourceId('other', 'Microsoft.Storage/storageAccounts/blobServices', 'st1', 'default')]",
            "\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/other/providers/Microsoft.Storage/storageAccounts/st1/blobServices/default\""
        ),
        (
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r1')]",
            "\"/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/roleDefinitions/r1\""
        ),
        ("[subscription().subscriptionId]", "\"00000000-0000-0000-0000-000000000001\""),
        ("[resourceGroup().location]", "\"eastus\""),
        ("[resourceGroup().id]", "\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1\""),
        ("[deployment().name]", "\"dep1\""),
        ("[uniqueString('hello', 'world')]", "\"a7wkljktk6wne\""),
        ("[guid('a', 'b')]", "\"2d796349-8c7e-55ec-9624-54ece82ed031\""),
        ("[newGuid()]", "\"11111111-2222-3333-4444-555555555555\""),
        ("[utcNow()]", "\"20231114T221320Z\""),
        ("[utcNow('yyyy-MM-dd')]", "\"2023-11-14\""),
        ("[add(mul(2, 3), sub(10, div(8, 2)))]", "12"),
        ("[createObject('a', 1).a]", "1"),
        ("[createArray('x', 'y')[1]]", "\"y\""),
        ("[first(skip(createArray(1, 2, 3), 1))]", "2"),
        ("[coalesce(null(), 'v')]", "\"v\""),
        ("[startsWith('Microsoft', 'micro')]", "true"),
    ])
    func evaluates(expression: String, expected: String) async throws {
        #expect(try await eval(expression) == json(expected))
    }

    @Test func ifEvaluatesOnlyTheBranchTaken() async throws {
        #expect(try await eval("[if(false, reference('/x', '1').a, 'safe')]") == "safe")
    }

    @Test(arguments: [
        "[noSuchFunction()]", "[substring('abc', 2, 5)]", "[int('x')]", "[parameters('missing')]", "[variables('missing')]",
        "[copyIndex()]", "[resourceId('noSlash', 'x')]", "[resourceId('Microsoft.Storage/storageAccounts/blobServices', 'onlyOne')]",
        "[createObject('a').a]", "[createArray(1)[5]]", "[reference('/subscriptions/x/resourceGroups/y/providers/A.B/c/d')]",
    ])
    func failsWithTemplateError(expression: String) async {
        await #expect(throws: TemplateError.self) { _ = try await eval(expression) }
    }

    /// Regressions found by scripts/fuzz (arm-parsers): integer overflow trapped and took the whole
    /// emulator down from a deployment PUT; a huge padLeft width exhausted memory.
    @Test(arguments: [
        "[add(9223372036854775807, 1)]", "[sub(sub(0, 9223372036854775807), 2)]", "[mul(3037000500, 3037000500)]",
        "[div(sub(sub(0, 9223372036854775807), 1), -1)]", "[mod(sub(sub(0, 9223372036854775807), 1), -1)]",
        "[range(9223372036854775807, 2)]", "[padLeft('a', 9223372036854775807)]", "[substring('abc', 1, 9223372036854775807)]",
    ])
    func overflowIsATemplateErrorNotATrap(expression: String) async throws {
        do {
            _ = try await eval(expression)
            Issue.record("expected an error for \(expression)")
        } catch let error as TemplateError {
            #expect(error.code == "InvalidTemplate")
        }
    }

    @Test func arithmeticAtTheEdgesStillWorks() async throws {
        #expect(try await eval("[add(9223372036854775806, 1)]") == .int(9_223_372_036_854_775_807))
        #expect(try await eval("[range(9223372036854775806, 2)]") == json("[9223372036854775806,9223372036854775807]"))
        #expect(try await eval("[mod(-7, 2)]") == .int(-1))
        #expect(try await eval("[padLeft('7', 3, '0')]") == .string("007"))
    }

    @Test func unknownFunctionNamesTheFunction() async {
        do {
            _ = try await eval("[frobnicate(1)]")
            Issue.record("expected an error")
        } catch let error as TemplateError {
            #expect(error.message.contains("'frobnicate'"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func listFunctionsGoThroughTheReader() async throws {
        struct Reader: TemplateResourceReader {
            func reference(_ resourceID: String, apiVersion: String?, full: Bool) async throws -> JSONValue {
                full ? ["properties": ["p": 1]] : ["p": .string(resourceID)]
            }
            func list(_ action: String, resourceID: String, apiVersion: String, body: JSONValue?) async throws -> JSONValue {
                ["action": .string(action), "id": .string(resourceID), "api": .string(apiVersion)]
            }
        }
        let evaluator = try evaluator("{}", reader: Reader())
        #expect(try await evaluator.evaluateValue("[listKeys('/r', '2024-01-01').action]", scope: .init()) == "listKeys")
        #expect(try await evaluator.evaluateValue("[reference('/r').p]", scope: .init()) == "/r")
        #expect(try await evaluator.evaluateValue("[reference('/r', '1', 'Full').properties.p]", scope: .init()) == 1)
    }
}

@Suite struct TemplateValidationTests {
    @Test func unknownFunctionsAnywhereFailValidation() throws {
        #expect(throws: TemplateError.self) {
            try evaluator(#"{"outputs":{"x":{"type":"string","value":"[concat(nope('a'))]"}}}"#).checkFunctionNames()
        }
        try evaluator(#"{"outputs":{"x":{"type":"string","value":"[concat(listKeys('a','b').k, 'c')]"}}}"#).checkFunctionNames()
    }
}
