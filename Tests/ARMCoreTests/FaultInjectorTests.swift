import Testing

@testable import ARMCore

@Suite struct FaultInjectorTests {
    @Test func countedRuleIsSpentExactlyOnceEachEvenInParallel() async throws {
        let injector = FaultInjector()
        try injector.add(FaultRule(id: "r", path: "*", status: 503, remaining: 10))
        let taken = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<100 {
                group.addTask { injector.take(method: "GET", path: "/x") != nil ? 1 : 0 }
            }
            return await group.reduce(0, +)
        }
        #expect(taken == 10)
        #expect(injector.all.isEmpty)
    }

    @Test func probabilityRollDecides() throws {
        let injector = FaultInjector()
        try injector.add(FaultRule(id: "r", path: "*", status: 500, probability: 0.25))
        #expect(injector.take(method: "GET", path: "/x", roll: { 0.5 }) == nil)
        #expect(injector.take(method: "GET", path: "/x", roll: { 0.1 })?.id == "r")
    }

    @Test func firstMatchingRuleWinsAndRulesCanBeRemoved() throws {
        let injector = FaultInjector()
        try injector.add(FaultRule(id: "a", path: "/tenants", status: 500))
        try injector.add(FaultRule(id: "b", path: "*", status: 503))
        #expect(injector.take(method: "GET", path: "/tenants")?.id == "a")
        #expect(injector.take(method: "GET", path: "/subscriptions")?.id == "b")
        #expect(injector.remove(id: "A"))
        #expect(!injector.remove(id: "a"))
        #expect(injector.take(method: "GET", path: "/tenants")?.id == "b")
        injector.removeAll()
        #expect(injector.take(method: "GET", path: "/tenants") == nil)
    }

    @Test func ruleCountIsBounded() throws {
        let injector = FaultInjector()
        for index in 0..<FaultInjector.maxRules { try injector.add(FaultRule(id: "\(index)", path: "/x", status: 500)) }
        #expect(throws: ARMError.self) { try injector.add(FaultRule(id: "one-more", path: "/x", status: 500)) }
    }
}
