import ARMCore
import JSON
import Testing

@testable import ControlPlaneProxy

struct ControlPlaneProxyShapesTests {
    let workspace = ResourceID("/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/hub1")!

    @Test func workspaceBodyBecomesAccountBody() throws {
        let input = try #require(
            try JSONParser.parse(
                #"""
                {"properties":{"type":"Azure.OpenAI","model":{"name":"gpt-4o","format":"OpenAI","version":"2024-11-20"},
                 "sku":{"name":"Standard","capacity":10},"raiPolicyName":"Microsoft.Default","versionUpgradeOption":"NoAutoUpgrade"}}
                """#
            ).objectValue)
        let body = try ControlPlaneProxy.accountDeploymentBody(from: input)
        #expect(body["sku"]?["name"]?.stringValue == "Standard")
        #expect(body["sku"]?["capacity"]?.intValue == 10)
        #expect(body["properties"]?["model"]?["name"]?.stringValue == "gpt-4o")
        #expect(body["properties"]?["raiPolicyName"]?.stringValue == "Microsoft.Default")
        #expect(body["properties"]?["type"] == nil)
        #expect(body["properties"]?["sku"] == nil)
    }

    @Test func aBodyWithoutModelIsRefused() throws {
        let input = try #require(try JSONParser.parse(#"{"properties":{"type":"Azure.OpenAI"}}"#).objectValue)
        #expect(throws: ARMError.workspaceMissingProperty("properties.model")) { try ControlPlaneProxy.accountDeploymentBody(from: input) }
        #expect(throws: ARMError.workspaceMissingProperty("properties")) { try ControlPlaneProxy.accountDeploymentBody(from: JSONObject()) }
    }

    @Test func accountDeploymentIsRewrittenUnderTheConnection() throws {
        let account = try JSONParser.parse(
            #"""
            {"id":"/subscriptions/s1/resourceGroups/rg2/providers/Microsoft.CognitiveServices/accounts/a1/deployments/gpt4o",
             "name":"gpt4o","type":"Microsoft.CognitiveServices/accounts/deployments","sku":{"name":"Standard","capacity":10},
             "properties":{"model":{"format":"OpenAI","name":"gpt-4o","version":"2024-11-20"},"provisioningState":"Succeeded",
             "raiPolicyName":"Microsoft.DefaultV2"},"systemData":{"createdBy":"x"},"etag":"\"1\""}
            """#)
        let parent = workspace.child(type: "connections", name: "aoai")
        let out = ControlPlaneProxy.workspaceDeployment(
            account, parent: parent, childType: "deployments", typeName: ControlPlaneProxy.connectionDeploymentType)
        #expect(out["id"]?.stringValue == workspace.description + "/connections/aoai/deployments/gpt4o")
        #expect(out["type"]?.stringValue == "Microsoft.MachineLearningServices/workspaces/connections/deployments")
        #expect(out["properties"]?["type"]?.stringValue == "Azure.OpenAI")
        #expect(out["properties"]?["sku"]?["capacity"]?.intValue == 10)
        #expect(out["properties"]?["model"]?["version"]?.stringValue == "2024-11-20")
        #expect(out["properties"]?["provisioningState"]?.stringValue == "Succeeded")
        #expect(out["systemData"]?["createdBy"]?.stringValue == "x")
        #expect(out["etag"] != nil)
    }

    @Test(arguments: [
        ("https://127.0.0.1:8443", "http://127.0.0.1:8443"), ("https://localhost:9/", "http://localhost:9"),
        ("https://[::1]:7", "http://[::1]:7"), ("http://127.0.0.1:5", "http://127.0.0.1:5"),
        ("https://arm.example.test", "https://arm.example.test"),
    ])
    func loopbackTargetsAreReachedOverPlainHTTP(given: String, expected: String) {
        #expect(ProxyForwarder.reachableBase(given) == expected)
    }

    @Test(arguments: [("gpt4o", true), ("gpt_4o-mini", true), ("ab", false), ("a.b.c", false), ("-abc", false)])
    func deploymentNames(name: String, valid: Bool) {
        #expect(ControlPlaneProxy.isValidDeploymentName(name) == valid)
    }

    @Test(arguments: [("Azure.OpenAI", true), ("my-endpoint_1", true), ("ab", false), (".abc", false)])
    func endpointNames(name: String, valid: Bool) {
        #expect(ControlPlaneProxy.isValidEndpointName(name) == valid)
    }
}
