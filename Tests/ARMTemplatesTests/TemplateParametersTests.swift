import ARMCore
import Testing

@testable import ARMTemplates

@Suite struct TemplateParametersTests {
    let template = """
        {"parameters": {
          "name": {"type": "string", "defaultValue": "[concat('n-', parameters('suffix'))]"},
          "suffix": {"type": "string", "defaultValue": "x"},
          "flag": {"type": "bool", "defaultValue": false},
          "count": {"type": "int", "defaultValue": 1, "minValue": 1, "maxValue": 5},
          "sku": {"type": "string", "defaultValue": "S0", "allowedValues": ["S0", "S1"]},
          "secret": {"type": "securestring", "defaultValue": "hush"},
          "tags": {"type": "object", "defaultValue": {}}
        }}
        """

    @Test func defaultsMayUseOtherParameters() async throws {
        #expect(try await eval("[parameters('name')]", template: template) == "n-x")
        #expect(try await eval("[parameters('NAME')]", template: template, parameters: #"{"suffix":{"value":"y"}}"#) == "n-y")
    }

    @Test func booleansAndIntegersAsStringsAreAccepted() async throws {
        #expect(try await eval("[parameters('flag')]", template: template, parameters: #"{"flag":{"value":"true"}}"#) == true)
        #expect(try await eval("[parameters('count')]", template: template, parameters: #"{"count":{"value":"3"}}"#) == 3)
    }

    @Test(arguments: [
        #"{"flag":{"value":"yes"}}"#, #"{"count":{"value":9}}"#, #"{"sku":{"value":"S9"}}"#, #"{"tags":{"value":"notAnObject"}}"#,
        #"{"unknown":{"value":1}}"#, #"{"name":"noValueWrapper"}"#,
    ])
    func invalidValuesAreRejected(parameters: String) async throws {
        await #expect(throws: TemplateError.self) {
            let evaluator = try evaluator(template, parameters: parameters)
            try await evaluator.resolveAllParameters()
        }
    }

    @Test func missingValueWithoutDefaultIsRejected() async throws {
        await #expect(throws: TemplateError.self) {
            try await evaluator(#"{"parameters":{"p":{"type":"string"}}}"#).resolveAllParameters()
        }
    }

    @Test func nullTakesTheDefaultValue() async throws {
        // azure-ai-ml sends `{"value": null}` for every parameter it does not use (docs/azure-behaviours.md "What azure-ai-ml needs").
        #expect(try await eval("[parameters('sku')]", template: template, parameters: #"{"sku":{"value":null}}"#) == "S0")
        await #expect(throws: TemplateError.self) {
            try await evaluator(#"{"parameters":{"p":{"type":"string"}}}"#, parameters: #"{"p":{"value":null}}"#).resolveAllParameters()
        }
    }

    @Test func pythonEnumSpellingOfAnAllowedValueIsAccepted() async throws {
        // azure-ai-ml 1.35.2 sends a hub's public network access as `PublicNetworkAccessType.ENABLED`.
        let template = #"{"parameters":{"pna":{"type":"string","defaultValue":"Enabled","allowedValues":["Enabled","Disabled"]}}}"#
        let enumSpelling = #"{"pna":{"value":"PublicNetworkAccessType.ENABLED"}}"#
        #expect(try await eval("[parameters('pna')]", template: template, parameters: enumSpelling) == "Enabled")
        #expect(try await eval("[parameters('pna')]", template: template, parameters: #"{"pna":{"value":"X.DISABLED"}}"#) == "Disabled")
        for bad in ["ENABLED", "Public Network.ENABLED", "PublicNetworkAccessType.OPEN", "a.b.Enabled_Not"] {
            await #expect(throws: TemplateError.self) {
                try await evaluator(template, parameters: #"{"pna":{"value":"\#(bad)"}}"#).resolveAllParameters()
            }
        }
    }

    @Test func reportedParametersHideSecureValues() async throws {
        let reported = try await evaluator(template).reportedParameters()
        #expect(reported["secret"] == ["type": "SecureString"])
        #expect(reported["sku"] == ["type": "String", "value": "S0"])
        #expect(reported["flag"] == ["type": "Bool", "value": false])
    }

    @Test func variablesResolveLazilyAndDetectCycles() async throws {
        let template =
            #"{"variables":{"b":"[concat(variables('a'), '!')]","a":"hi","loop1":"[variables('loop2')]","loop2":"[variables('loop1')]","copy":[{"name":"items","count":3,"input":"[concat('i', copyIndex('items'))]"}]}}"#
        #expect(try await eval("[variables('b')]", template: template) == "hi!")
        #expect(try await eval("[variables('items')]", template: template) == ["i0", "i1", "i2"])
        await #expect(throws: TemplateError.self) { _ = try await eval("[variables('loop1')]", template: template) }
    }
}
