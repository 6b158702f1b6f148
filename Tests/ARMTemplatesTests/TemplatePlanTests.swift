import ARMCore
import Testing

@testable import ARMTemplates

@Suite struct TemplatePlanTests {
    func plan(_ resources: String, parameters: String = "{}") async throws -> [PlannedResource] {
        try await evaluator(
            #"{"parameters":{"n":{"type":"int","defaultValue":2},"deploy":{"type":"bool","defaultValue":false}},"resources":"# + resources
                + "}",
            parameters: parameters
        ).plan()
    }

    @Test func ordersByDependsOnAndKeepsTemplateOrderOtherwise() async throws {
        let planned = try await plan(
            """
            [{"type":"A.B/c","apiVersion":"1","name":"first","dependsOn":["[resourceId('A.B/c', 'second')]"]},
             {"type":"A.B/c","apiVersion":"1","name":"second"},
             {"type":"A.B/c","apiVersion":"1","name":"third"}]
            """)
        #expect(planned.map(\.name) == ["second", "first", "third"])
        #expect(planned[1].dependsOn == ["/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/A.B/c/second"])
    }

    @Test func cyclesAreRejected() async {
        await #expect(throws: TemplateError.self) {
            _ = try await plan(
                #"[{"type":"A.B/c","apiVersion":"1","name":"x","dependsOn":["y"]},{"type":"A.B/c","apiVersion":"1","name":"y","dependsOn":["x"]}]"#
            )
        }
    }

    @Test func unknownDependencyIsRejected() async {
        await #expect(throws: TemplateError.self) {
            _ = try await plan(#"[{"type":"A.B/c","apiVersion":"1","name":"x","dependsOn":["ghost"]}]"#)
        }
    }

    @Test func conditionFalseSkipsTheResourceAndDependenciesOnIt() async throws {
        let planned = try await plan(
            #"[{"condition":"[parameters('deploy')]","type":"A.B/c","apiVersion":"1","name":"x"},{"type":"A.B/c","apiVersion":"1","name":"y","dependsOn":["x"]}]"#
        )
        #expect(planned.map(\.name) == ["y"])
        #expect(planned[0].dependsOn.isEmpty)
    }

    @Test func copyLoopsExpandWithCopyIndexAndDependOnTheLoop() async throws {
        let planned = try await plan(
            """
            [{"type":"A.B/c","apiVersion":"1","name":"after","dependsOn":["loop"]},
             {"type":"A.B/c","apiVersion":"1","name":"[concat('item', copyIndex(1))]","copy":{"name":"loop","count":"[parameters('n')]","mode":"serial"},
              "properties":{"index":"[copyIndex()]"}}]
            """, parameters: #"{"n":{"value":3}}"#)
        #expect(planned.map(\.name) == ["item1", "item2", "item3", "after"])
        #expect(planned[3].dependsOn.count == 3)
        let evaluator = try evaluator("{}")
        #expect(try await evaluator.body(of: planned[2])["properties"]?["index"] == 2)
    }

    @Test func nestedResourcesAreFlattenedUnderTheirParent() async throws {
        let planned = try await plan(
            #"[{"type":"A.B/c","apiVersion":"1","name":"p","resources":[{"type":"d","apiVersion":"1","name":"child"}]}]"#)
        #expect(planned.map(\.type) == ["A.B/c", "A.B/c/d"])
        #expect(planned[1].name == "p/child")
        #expect(planned[1].id.hasSuffix("/providers/A.B/c/p/d/child"))
        #expect(planned[1].dependsOn == [planned[0].id])
    }

    @Test func segmentMismatchIsRejected() async {
        await #expect(throws: TemplateError.self) { _ = try await plan(#"[{"type":"A.B/c/d","apiVersion":"1","name":"only"}]"#) }
    }

    @Test func outputsAreTypedAndSupportCopy() async throws {
        let evaluator = try evaluator(
            #"{"outputs":{"s":{"type":"string","value":"[concat('a','b')]"},"list":{"type":"array","copy":{"count":2,"input":"[copyIndex()]"}},"hidden":{"type":"securestring","value":"x"},"bad":{"type":"int","value":"[string('x')]","condition":"[equals(1,2)]"}}}"#
        )
        let outputs = try await evaluator.outputs()
        #expect(outputs["s"] == ["type": "String", "value": "ab"])
        #expect(outputs["list"] == ["type": "Array", "value": [0, 1]])
        #expect(outputs["hidden"] == ["type": "SecureString"])
        #expect(outputs["bad"] == nil)
    }

    @Test func innerScopeNestedDeploymentKeepsItsTemplateUnevaluated() async throws {
        let planned = try await plan(
            #"[{"type":"Microsoft.Resources/deployments","apiVersion":"2022-09-01","name":"nested","properties":{"mode":"Incremental","expressionEvaluationOptions":{"scope":"inner"},"parameters":{"p":{"value":"[parameters('n')]"}},"template":{"outputs":{"o":{"type":"string","value":"[parameters('p')]"}}}}}]"#
        )
        let body = try await evaluator(#"{"parameters":{"n":{"type":"int","defaultValue":2}}}"#).body(of: planned[0])
        #expect(body["properties"]?["parameters"]?["p"]?["value"] == 2)
        #expect(body["properties"]?["template"]?["outputs"]?["o"]?["value"] == "[parameters('p')]")
    }
}
