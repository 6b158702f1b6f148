import Testing

@testable import Emulator

@Suite struct EmulatorConfigRBACTests {
    @Test func rbacDefaultsToEnforceAndTakesOff() throws {
        guard case .run(let defaults) = try EmulatorConfig.parse([]) else {
            Issue.record("expected run")
            return
        }
        #expect(defaults.rbac == .enforce)
        guard case .run(let off) = try EmulatorConfig.parse(["--rbac", "off"]) else {
            Issue.record("expected run")
            return
        }
        #expect(off.rbac == .off)
        guard case .run(let equals) = try EmulatorConfig.parse(["--rbac=ENFORCE"]) else {
            Issue.record("expected run")
            return
        }
        #expect(equals.rbac == .enforce)
        #expect(throws: EmulatorConfig.UsageError.self) { try EmulatorConfig.parse(["--rbac", "maybe"]) }
    }

    @Test func checkAccessAttributeKeys() {
        #expect(
            OperatorAPI.attributeKey("@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name]")
                == "resource:microsoft.storage/storageaccounts/blobservices/containers:name")
        #expect(OperatorAPI.attributeKey("request:X") == "request:x")
    }
}
