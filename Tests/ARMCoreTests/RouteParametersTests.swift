import Testing

@testable import ARMCore

@Suite struct RouteParametersTests {
    @Test func namesAndValuesInPathOrder() {
        // Given the names of a pattern and the values a path gave them
        let parameters = RouteParameters(names: ["subscriptionId", "resourceGroupName", "accountName"], values: ["s1", "My-RG", "Acct1"])
        // Then each name reads its own value, names compare exactly
        #expect(parameters["subscriptionId"] == "s1")
        #expect(parameters["resourceGroupName"] == "My-RG")
        #expect(parameters["accountName"] == "Acct1")
        #expect(parameters.required("accountName") == "Acct1")
        #expect(parameters["accountname"] == nil)
        #expect(parameters["deploymentName"] == nil)
        #expect(parameters.values == ["subscriptionId": "s1", "resourceGroupName": "My-RG", "accountName": "Acct1"])
    }

    @Test func aRepeatedNameReadsItsLastValue() {
        let parameters = RouteParameters(names: ["name", "other", "name"], values: ["first", "x", "last"])
        #expect(parameters["name"] == "last")
        #expect(parameters.values == ["name": "last", "other": "x"])
    }

    @Test func missingValuesDropTheirNames() {
        let parameters = RouteParameters(names: ["a", "b"], values: ["1"])
        #expect(parameters["a"] == "1")
        #expect(parameters["b"] == nil)
    }

    @Test func fromADictionary() {
        let parameters = RouteParameters(["a": "1", "b": "2"])
        #expect(parameters["a"] == "1")
        #expect(parameters["b"] == "2")
        #expect(parameters["c"] == nil)
        #expect(RouteParameters()["a"] == nil)
    }
}
