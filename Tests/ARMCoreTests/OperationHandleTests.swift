import Testing

@testable import ARMCore

@Suite struct OperationHandleTests {
    @Test func urlsAreAbsoluteAndEncodeTheApiVersion() {
        let handle = OperationHandle(
            id: "abc", subscriptionID: "s", namespace: "Microsoft.CognitiveServices", location: "eastus", shape: .provider,
            baseURL: "https://localhost:8443", apiVersion: "2025-06-01")
        #expect(
            handle.asyncOperationURL
                == "https://localhost:8443/subscriptions/s/providers/Microsoft.CognitiveServices/locations/eastus"
                + "/operationStatuses/abc?api-version=2025-06-01"
        )
        #expect(
            handle.locationURL
                == "https://localhost:8443/subscriptions/s/providers/Microsoft.CognitiveServices/locations/eastus"
                + "/operationResults/abc?api-version=2025-06-01"
        )
        let job = OperationHandle(
            id: "tok", subscriptionID: "s", namespace: "Microsoft.Resources", location: "eastus", shape: .subscription,
            baseURL: "https://h", apiVersion: "a b")
        #expect(job.asyncOperationURL == nil)
        #expect(job.locationURL == "https://h/subscriptions/s/operationresults/tok?api-version=a%20b")
    }
}
