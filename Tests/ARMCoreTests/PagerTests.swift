import EmulatorHTTP
import Foundation
import Testing

@testable import ARMCore

@Suite struct PagerTests {
    let sub = Fixture.subscription

    /// A pipeline with one list route over a store of `count` accounts.
    func pipeline(count: Int) throws -> ARMPipeline {
        let store = ResourceStore()
        for index in 0..<count {
            let id = ResourceID(
                subscriptionID: sub, resourceGroup: "rg", namespace: "Microsoft.CognitiveServices", types: ["accounts"],
                names: [String(format: "a%04d", index)])
            try store.put(id, body: ["name": .string(id.name)])
        }
        let route = Route(
            "GET", "/subscriptions/{subscriptionId}/providers/Microsoft.CognitiveServices/accounts", operationID: "Accounts_List",
            action: nil
        ) {
            request, parameters in
            try Pager(request: request).list(
                store, under: .subscription(parameters.required("subscriptionId")), types: ["Microsoft.CognitiveServices/accounts"])
        }
        return Fixture.pipeline(routes: [route])
    }

    func listTarget(_ query: String) -> String { Fixture.sub("/providers/Microsoft.CognitiveServices/accounts?\(query)") }

    @Test func defaultPageSizeIs100AndNextLinkIsOmittedOnTheLastPage() async throws {
        // Given 150 accounts
        let pipeline = try pipeline(count: 150)
        // When the first page is read without $top
        let first = await pipeline.handle(Fixture.http("GET", listTarget("api-version=2025-06-01")))
        let firstBody = try Fixture.json(first)
        #expect(first.status == 200)
        #expect(firstBody["value"]?.arrayValue?.count == 100)
        // Then nextLink leads to the remaining 50 and the last page has no nextLink at all
        let next = try #require(firstBody["nextLink"]?.stringValue)
        let second = try Fixture.json(await pipeline.handle(Fixture.http("GET", target(ofAbsoluteURL: next))))
        #expect(second["value"]?.arrayValue?.count == 50)
        #expect(second.objectValue?.keys == ["value"])
        #expect(second["value"]?[0]?["name"] == "a0100")
    }

    @Test func nextLinkKeepsTheQueryAndReplacesTheSkipToken() async throws {
        let pipeline = try pipeline(count: 25)
        var url: String? = "http://\(Fixture.host)" + listTarget("api-version=2025-06-01&$filter=name%20eq%20'x'&$top=10")
        var names: [String] = []
        var links: [String] = []
        while let current = url {
            let response = await pipeline.handle(Fixture.http("GET", target(ofAbsoluteURL: current)))
            let body = try Fixture.json(response)
            names += body["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            url = body["nextLink"]?.stringValue
            if let url { links.append(url) }
        }
        // Pages of 10, everything exactly once, in order
        #expect(names == (0..<25).map { String(format: "a%04d", $0) })
        #expect(links.count == 2)
        for link in links {
            #expect(link.hasPrefix("http://\(Fixture.host)/subscriptions/\(sub)/providers/Microsoft.CognitiveServices/accounts?"))
            #expect(link.contains("api-version=2025-06-01&$filter=name%20eq%20'x'&$top=10&$skiptoken="))
            #expect(link.components(separatedBy: "skiptoken").count == 2)
        }
    }

    @Test func skipTokenNameIsCaseInsensitive() async throws {
        let pipeline = try pipeline(count: 5)
        let token = Pager.encodeSkipToken(
            ResourceID(
                subscriptionID: sub, resourceGroup: "rg", namespace: "Microsoft.CognitiveServices", types: ["accounts"], names: ["a0002"]
            ).key)
        let response = await pipeline.handle(Fixture.http("GET", listTarget("api-version=2025-06-01&$SkipToken=\(token)")))
        #expect(try Fixture.json(response)["value"]?.arrayValue?.map { $0["name"]?.stringValue ?? "" } == ["a0003", "a0004"])
    }

    @Test func invalidTopIs400() async throws {
        let pipeline = try pipeline(count: 1)
        for top in ["0", "-1", "abc", "1.5", ""] {
            let response = await pipeline.handle(Fixture.http("GET", listTarget("api-version=2025-06-01&$top=\(top)")))
            #expect(response.status == 400, "\(top)")
            #expect(Fixture.errorCode(response) == "InvalidTopValue")
        }
    }

    @Test func topIsCappedAt1000() throws {
        let pager = try Pager(request: Fixture.request("GET", "/x?$top=5000"))
        #expect(pager.pageSize == 1000)
        #expect(try Pager(request: Fixture.request("GET", "/x")).pageSize == 100)
    }

    @Test func badSkipTokenIs400() async throws {
        let pipeline = try pipeline(count: 1)
        for token in ["%25%25", "a", "!!", ""] {
            let response = await pipeline.handle(Fixture.http("GET", listTarget("api-version=2025-06-01&$skiptoken=\(token)")))
            #expect(response.status == 400, "\(token)")
            #expect(Fixture.errorCode(response) == "InvalidSkipToken")
        }
    }

    @Test func skipTokensRoundTrip() {
        for key in ["/subscriptions/x/resourcegroups/ü", "a", "ab", "abc", "/"] {
            let token = Pager.encodeSkipToken(key)
            #expect(!token.contains("=") && !token.contains("+") && !token.contains("/"))
            #expect(Pager.decodeSkipToken(token) == key)
        }
    }

    @Test func inMemoryListsPageByKey() throws {
        let items = (1...7).map { String(format: "k%d", $0) }
        let first = try Pager(request: Fixture.request("GET", "/x?api-version=1&$top=3")).list(items, key: { $0 }, render: { .string($0) })
        #expect(first.body?["value"] == ["k1", "k2", "k3"])
        let link = try #require(first.body?["nextLink"]?.stringValue)
        let second = try Pager(request: Fixture.request("GET", target(ofAbsoluteURL: link))).list(
            items, key: { $0 }, render: { .string($0) })
        #expect(second.body?["value"] == ["k4", "k5", "k6"])
        #expect(second.body?["nextLink"] != nil)
    }
}
