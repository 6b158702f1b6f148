import Foundation
import Testing

@testable import ARMCore

@Suite struct RenderedBodyCacheTests {
    let pipeline = ARMPipeline(middleware: [], router: Router(routes: []))
    let id = ResourceID.resourceGroup(subscriptionID: "00000000-0000-0000-0000-000000000001", name: "rg1")

    @Test func aStoredResourceRendersAsItsBodyWouldWithTheSameHeaders() throws {
        let store = ResourceStore()
        let written = try store.put(id, body: ["id": .string(id.description), "name": "rg1", "tags": ["a": "b"]]).resource
        let fromCache = pipeline.render(.ok(written, renderedBy: store.renderedBodies))
        let fromTree = pipeline.render(.ok(.object(written.body)))
        #expect(fromCache.status == 200)
        #expect(fromCache.body == fromTree.body)
        #expect(fromCache.headers == fromTree.headers)
        #expect(fromCache.headers["ETag"] == written.etag)
        // Callers that read the response without rendering it still get the JSON.
        #expect(ARMResponse.ok(written, renderedBy: store.renderedBodies).body == .object(written.body))
    }

    @Test func aNewVersionIsRenderedAgain() throws {
        let store = ResourceStore()
        let first = try store.put(id, body: ["name": "rg1", "tags": ["v": "1"]]).resource
        #expect(store.renderedBodies.bytes(of: first) == first.body.serialized())
        let second = try store.update(id) { $0["tags"] = ["v": "2"] }
        let bytes = store.renderedBodies.bytes(of: second)
        #expect(bytes == second.body.serialized())
        #expect(bytes != first.body.serialized())
        #expect(store.renderedBodies.bytes(of: first) == first.body.serialized())
    }

    @Test func itHoldsAtMostItsCapacity() throws {
        let store = ResourceStore()
        let cache = RenderedBodyCache(capacity: 3)
        for index in 0..<10 {
            let resource = try store.put(id, body: ["index": .int(Int64(index))]).resource
            #expect(cache.bytes(of: resource) == resource.body.serialized())
            #expect(cache.count <= 3)
        }
    }
}
