import Testing

@testable import ARMCore

@Suite struct ResourceIDValidationTests {
    @Test func guidsInAnyCase() {
        #expect(ResourceID.isGUID("9b4e3f2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"))
        #expect(ResourceID.isGUID("9B4E3F2A-1C2D-4E5F-8A9B-0C1D2E3F4A5B"))
        #expect(!ResourceID.isGUID("9b4e3f2a1c2d4e5f8a9b0c1d2e3f4a5b"))
        #expect(!ResourceID.isGUID("{9b4e3f2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b}"))
        #expect(!ResourceID.isGUID("9b4e3f2a-1c2d-4e5f-8a9b-0c1d2e3f4a5g"))
        #expect(!ResourceID.isGUID("sub1"))
        // Each byte just outside the digit and letter ranges, at a digit's place; a dash's place
        // holding a digit
        for byte in ["/", ":", "@", "G", "`", "g", "é"] {
            #expect(!ResourceID.isGUID("9b4e3f2a-1c2d-4e5f-8a9b-0c1d2e3f4a5" + byte), "\(byte)")
        }
        #expect(!ResourceID.isGUID("9b4e3f2a01c2d-4e5f-8a9b-0c1d2e3f4a5b"))
        #expect(ResourceID.isGUID("00000000-0000-0000-0000-000000000000") && ResourceID.isGUID("ffffffff-FFFF-ffff-FFFF-ffffffffffff"))
    }

    @Test func malformedSubscriptionIsInvalidSubscriptionId() {
        let error = expectARMError { try ResourceID.validateSubscriptionID("not-a-guid") }
        #expect(error?.status == 400)
        #expect(error?.code == "InvalidSubscriptionId")
        #expect(error?.message == "The provided subscription identifier 'not-a-guid' is malformed or invalid.")
    }
}
