import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import Identity
import JSON
import ProviderTestSupport
import Testing

@testable import ResourcesProvider

/// A stand-in resource provider (`Test.Fake/widgets`) so templates have something to create:
/// PUT stores and echoes the body; `properties.fail: true` answers 400 `WidgetRejected`.
struct FakeWidgets {
    let store: ResourceStore
    static let registration = ResourceProviderRegistration(
        namespace: "Test.Fake", resourceTypes: [.init(name: "widgets", apiVersions: ["2024-01-01"])])

    var routes: [Route] {
        let item = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Test.Fake/widgets/{name}"
        return [
            Route("PUT", item, operationID: "Widgets_Put", action: "Test.Fake/widgets/write") { request, parameters in
                let input = try request.jsonBody()
                if input["properties"]?["fail"]?.boolValue == true {
                    throw ARMError(status: 400, code: "WidgetRejected", message: "The widget refused to be created.")
                }
                let id = ResourceID(
                    subscriptionID: parameters.required("subscriptionId"), resourceGroup: parameters.required("resourceGroupName"),
                    namespace: "Test.Fake", types: ["widgets"], names: [parameters.required("name")])
                var body = input
                body["id"] = .string(id.description)
                body["name"] = .string(id.name)
                body["type"] = "Test.Fake/widgets"
                var properties = body["properties"]?.objectValue ?? JSONObject()
                properties["provisioningState"] = "Succeeded"
                properties["createdBy"] = .string(request.caller?.objectId ?? "")
                body["properties"] = .object(properties)
                let write = try store.put(id, body: body)
                return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
            },
            Route("GET", item, operationID: "Widgets_Get", action: "Test.Fake/widgets/read") { _, parameters in
                let id = ResourceID(
                    subscriptionID: parameters.required("subscriptionId"), resourceGroup: parameters.required("resourceGroupName"),
                    namespace: "Test.Fake", types: ["widgets"], names: [parameters.required("name")])
                return .ok(.object(try store.require(id).body))
            },
            Route("POST", item + "/listKeys", operationID: "Widgets_ListKeys", action: "Test.Fake/widgets/listKeys/action") { _, _ in
                .ok(["key1": "secret-1"])
            },
        ]
    }
}

/// The Resources provider and the fake widgets behind the production pipeline, with
/// InternalRequests connected to it, as Emulator.swift wires them.
struct DeploymentWorld: ProviderWorld {
    let base: ProviderTestWorld
    let client: TestClient
    let sub = ResourcesTestWorld.subscription

    init(provisioningDelay: Duration = .zero) throws {
        base = try ProviderTestWorld(provisioningDelay: provisioningDelay)
        let provider = ResourcesProvider(
            directory: base.directory, store: base.store, operations: base.operations,
            registrations: [ResourcesProvider.registration, FakeWidgets.registration], internalRequests: base.internalRequests)
        let pipeline = base.pipeline(routes: provider.routes + FakeWidgets(store: base.store).routes)
        client = ProviderTestWorld.client(pipeline, apiVersion: "2024-11-01")
    }

    var group: String { "/subscriptions/\(sub)/resourceGroups/rg1" }
    func deployment(_ name: String) -> String { group + "/providers/Microsoft.Resources/deployments/" + name }

    func makeGroup() async throws {
        let reply = try await client.send("PUT", group, body: #"{"location":"westeurope"}"#)
        #expect(reply.status == 201)
    }

    func deploy(_ name: String, template: String, parameters: String = "{}") async throws -> TestClient.Reply {
        try await client.send(
            "PUT", deployment(name),
            body: #"{"properties":{"mode":"Incremental","template":"# + template + #","parameters":"# + parameters + "}}")
    }
}

@Suite struct DeploymentsTests {
    static let widgetTemplate = """
        {"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0",
         "parameters":{"prefix":{"type":"string"},"enabled":{"type":"bool","defaultValue":false}},
         "variables":{"first":"[concat(parameters('prefix'), '-a')]"},
         "resources":[
          {"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"[concat(parameters('prefix'), '-b')]","location":"[resourceGroup().location]",
           "dependsOn":["[resourceId('Test.Fake/widgets', variables('first'))]"],
           "properties":{"peerColor":"[reference(resourceId('Test.Fake/widgets', variables('first'))).color]","enabled":"[parameters('enabled')]"}},
          {"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"[variables('first')]","properties":{"color":"blue"}}
         ],
         "outputs":{"bName":{"type":"string","value":"[concat(parameters('prefix'), '-b')]"},
                    "key":{"type":"string","value":"[listKeys(resourceId('Test.Fake/widgets', variables('first')), '2024-01-01').key1]"},
                    "unique":{"type":"string","value":"[uniqueString(resourceGroup().id)]"}}}
        """

    @Test func deploysResourcesInDependencyOrderThroughThePipeline() async throws {
        let world = try DeploymentWorld()
        try await world.makeGroup()
        let reply = try await world.deploy(
            "dep1", template: Self.widgetTemplate, parameters: #"{"prefix":{"value":"w"},"enabled":{"value":"true"}}"#)
        #expect(reply.status == 201)
        let properties = reply.json?["properties"]
        #expect(properties?["provisioningState"] == "Succeeded")
        #expect(properties?["outputs"]?["bName"] == ["type": "String", "value": "w-b"])
        #expect(properties?["outputs"]?["key"]?["value"] == "secret-1")
        #expect(properties?["outputs"]?["unique"]?["value"]?.stringValue?.count == 13)
        #expect(properties?["parameters"]?["enabled"] == ["type": "Bool", "value": true])
        #expect(properties?["duration"]?.stringValue?.hasPrefix("PT") == true)
        #expect(properties?["outputResources"]?.arrayValue?.count == 2)

        let b = try await world.client.send("GET", world.group + "/providers/Test.Fake/widgets/w-b", apiVersion: "2024-01-01")
        #expect(b.json?["properties"]?["peerColor"] == "blue")
        #expect(b.json?["properties"]?["enabled"] == true)
        #expect(b.json?["location"] == "westeurope")
        #expect(b.json?["properties"]?["createdBy"]?.stringValue == WellKnown.operatorObjectId)

        // Both operation paths list one operation per resource, in deployment order.
        for path in [world.deployment("dep1") + "/operations", world.group + "/deployments/dep1/operations"] {
            let operations = try await world.client.send("GET", path)
            #expect(operations.status == 200)
            let items = operations.json?["value"]?.arrayValue ?? []
            #expect(items.count == 2)
            #expect(Set(items.compactMap { $0["properties"]?["targetResource"]?["resourceName"]?.stringValue }) == ["w-a", "w-b"])
            #expect(items.allSatisfy { $0["properties"]?["provisioningState"] == "Succeeded" })
        }
        let get = try await world.client.send("GET", world.deployment("dep1"))
        #expect(get.json?["properties"]?["provisioningState"] == "Succeeded")
        let list = try await world.client.send("GET", world.group + "/providers/Microsoft.Resources/deployments")
        #expect(list.json?["value"]?.arrayValue?.count == 1)
        // Deployments are not resources: /resources lists only the widgets.
        let resources = try await world.client.send("GET", world.group + "/resources")
        #expect(resources.json?["value"]?.arrayValue?.count == 2)
    }

    @Test func failedResourceFailsTheDeploymentWithItsOwnError() async throws {
        let world = try DeploymentWorld()
        try await world.makeGroup()
        let template =
            #"{"resources":[{"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"ok"},{"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"bad","dependsOn":["ok"],"properties":{"fail":true}},{"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"never","dependsOn":["bad"]}]}"#
        let reply = try await world.deploy("dep2", template: template)
        #expect(reply.status == 201)
        #expect(reply.json?["properties"]?["provisioningState"] == "Failed")
        let error = reply.json?["properties"]?["error"]
        #expect(error?["code"] == "DeploymentFailed")
        #expect(error?["details"]?[0]?["code"] == "WidgetRejected")
        let operations = try await world.client.send("GET", world.group + "/deployments/dep2/operations")
        let items = operations.json?["value"]?.arrayValue ?? []
        #expect(items.count == 2)
        let failed = items.first { $0["properties"]?["provisioningState"] == "Failed" }
        #expect(failed?["properties"]?["statusCode"] == "BadRequest")
        #expect(failed?["properties"]?["statusMessage"]?["error"]?["code"] == "WidgetRejected")
        let never = try await world.client.send("GET", world.group + "/providers/Test.Fake/widgets/never", apiVersion: "2024-01-01")
        #expect(never.status == 404)
    }

    @Test func invalidTemplatesAreRejectedBeforeAnythingIsCreated() async throws {
        let world = try DeploymentWorld()
        try await world.makeGroup()
        let cases: [(String, String)] = [
            (#"{"resources":[{"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"[bogus()]"}]}"#, "InvalidTemplate"),
            (
                #"{"resources":[{"type":"Test.Fake/widgets","apiVersion":"1","name":"a","dependsOn":["b"]},{"type":"Test.Fake/widgets","apiVersion":"1","name":"b","dependsOn":["a"]}]}"#,
                "InvalidTemplate"
            ),
            (#"{"resources":[{"type":"No.Such/things","apiVersion":"2024-01-01","name":"x"}]}"#, "InvalidTemplateDeployment"),
            (#"{"parameters":{"p":{"type":"string"}},"resources":[]}"#, "InvalidTemplate"),
        ]
        for (template, code) in cases {
            let reply = try await world.deploy("bad", template: template)
            #expect(reply.status == 400)
            #expect(reply.json?["error"]?["code"]?.stringValue == code)
        }
        let missing = try await world.client.send("GET", world.deployment("bad"))
        #expect(missing.status == 404)
        #expect(missing.json?["error"]?["code"] == "DeploymentNotFound")
        let noMode = try await world.client.send("PUT", world.deployment("x"), body: #"{"properties":{"template":{}}}"#)
        #expect(noMode.status == 400)
        let link = try await world.client.send(
            "PUT", world.deployment("x"),
            body: #"{"properties":{"mode":"Incremental","templateLink":{"uri":"https://example.invalid/t.json"}}}"#)
        #expect(link.status == 501)
        let badName = try await world.client.send(
            "PUT", world.deployment("bad%20name"), body: #"{"properties":{"mode":"Incremental","template":{}}}"#)
        #expect(badName.status == 400)
        #expect(badName.json?["error"]?["code"] == "InvalidDeploymentName")
        let noGroup = try await world.client.send(
            "PUT", "/subscriptions/\(world.sub)/resourceGroups/nogroup/providers/Microsoft.Resources/deployments/d",
            body: #"{"properties":{"mode":"Incremental","template":{}}}"#)
        #expect(noGroup.status == 404)
    }

    /// Regression (scripts/api-fuzz): `"tags": [null, null]` was stored and returned in GET and
    /// list, against the deployment schema. Tags follow ARM's tag rules like any resource's.
    @Test func deploymentTagsFollowTheTagRules() async throws {
        let world = try DeploymentWorld()
        try await world.makeGroup()
        for tags in ["[null,null]", #""text""#, #"{"a":{"nested":1}}"#] {
            let body = #"{"tags":"# + tags + #","properties":{"mode":"Incremental","template":{}}}"#
            let reply = try await world.client.send("PUT", world.deployment("tagged"), body: body)
            #expect(reply.status == 400)
            #expect(reply.json?["error"]?["code"]?.stringValue == "InvalidTag")
        }
        #expect(try await world.client.send("GET", world.deployment("tagged")).status == 404)
        let body = #"{"tags":{"team":"a"},"properties":{"mode":"Incremental","template":{}}}"#
        let tagged = try await world.client.send("PUT", world.deployment("tagged"), body: body)
        #expect((200...201).contains(tagged.status))
        #expect(try await world.client.send("GET", world.deployment("tagged")).json?["tags"] == ["team": "a"])
    }

    /// Regression (scripts/fuzz): an overflowing template function trapped the emulator from a PUT.
    @Test func overflowingTemplateFunctionsAre400() async throws {
        let world = try DeploymentWorld()
        try await world.makeGroup()
        let template =
            #"{"resources":[{"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"[string(add(9223372036854775807, 1))]"}]}"#
        let reply = try await world.deploy("overflow", template: template)
        #expect(reply.status == 400)
        #expect(reply.json?["error"]?["code"]?.stringValue == "InvalidTemplate")
        #expect(try await world.client.send("GET", world.deployment("overflow")).status == 404)
    }

    @Test func nestedDeploymentsRecurseAndExposeOutputs() async throws {
        let world = try DeploymentWorld()
        try await world.makeGroup()
        let template = """
            {"resources":[{"type":"Microsoft.Resources/deployments","apiVersion":"2022-09-01","name":"inner",
              "properties":{"mode":"Incremental","expressionEvaluationOptions":{"scope":"inner"},"parameters":{"n":{"value":"nested-w"}},
                "template":{"parameters":{"n":{"type":"string"}},
                  "resources":[{"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"[parameters('n')]"}],
                  "outputs":{"made":{"type":"string","value":"[parameters('n')]"}}}}}],
             "outputs":{"fromInner":{"type":"string","value":"[reference('inner').outputs.made.value]"}}}
            """
        let reply = try await world.deploy("outer", template: template)
        #expect(reply.json?["properties"]?["provisioningState"] == "Succeeded")
        #expect(reply.json?["properties"]?["outputs"]?["fromInner"]?["value"] == "nested-w")
        let widget = try await world.client.send("GET", world.group + "/providers/Test.Fake/widgets/nested-w", apiVersion: "2024-01-01")
        #expect(widget.status == 200)
        let inner = try await world.client.send("GET", world.deployment("inner"))
        #expect(inner.json?["properties"]?["provisioningState"] == "Succeeded")
    }

    @Test func validateExportCancelDeleteAndWhatIf() async throws {
        let world = try DeploymentWorld()
        try await world.makeGroup()
        let body =
            #"{"properties":{"mode":"Incremental","template":{"resources":[{"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"v"}]}}}"#
        let validate = try await world.client.send("POST", world.deployment("v") + "/validate", body: body)
        #expect(validate.status == 200)
        #expect(validate.json?["properties"]?["validatedResources"]?[0]?["id"]?.stringValue?.hasSuffix("/widgets/v") == true)
        let notCreated = try await world.client.send("GET", world.group + "/providers/Test.Fake/widgets/v", apiVersion: "2024-01-01")
        #expect(notCreated.status == 404)
        let invalid = try await world.client.send(
            "POST", world.deployment("v") + "/validate",
            body: #"{"properties":{"mode":"Incremental","template":{"resources":[{"type":"No.Such/x","apiVersion":"1","name":"y"}]}}}"#)
        #expect(invalid.status == 400)
        #expect(invalid.json?["error"]?["code"] == "InvalidTemplateDeployment")

        _ = try await world.client.send("PUT", world.deployment("v"), body: body)
        let export = try await world.client.send("POST", world.deployment("v") + "/exportTemplate")
        #expect(export.json?["template"]?["resources"]?[0]?["name"] == "v")
        let cancel = try await world.client.send("POST", world.deployment("v") + "/cancel")
        #expect(cancel.status == 409)
        let whatIf = try await world.client.send("POST", world.deployment("v") + "/whatIf", body: body)
        #expect(whatIf.status == 501)
        let delete = try await world.client.send("DELETE", world.deployment("v"))
        #expect(delete.status == 204)
        #expect(try await world.client.send("GET", world.deployment("v")).status == 404)
        // The resources stay.
        #expect(try await world.client.send("GET", world.group + "/providers/Test.Fake/widgets/v", apiVersion: "2024-01-01").status == 200)
    }

    @Test func withAProvisioningDelayThePutIsAnLROThatFinishesOnItsOwn() async throws {
        let world = try DeploymentWorld(provisioningDelay: .milliseconds(10))
        try await world.makeGroup()
        let reply = try await world.deploy(
            "slow", template: #"{"resources":[{"type":"Test.Fake/widgets","apiVersion":"2024-01-01","name":"s"}]}"#)
        #expect(reply.status == 201)
        #expect(reply.json?["properties"]?["provisioningState"] == "Accepted")
        #expect(reply.headers["Retry-After"] == "1")
        #expect(reply.headers["Azure-AsyncOperation"] != nil)
        await world.operations.waitForAll()
        let get = try await world.client.send("GET", world.deployment("slow"))
        #expect(get.json?["properties"]?["provisioningState"] == "Succeeded")
    }
}
