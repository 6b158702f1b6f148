import Testing

@testable import ARMCore

@Suite struct ARMErrorRenderingTests {
    @Test func envelopeHasOptionalFieldsOnlyWhenSet() {
        #expect(ARMError.conflict("x").envelopeJSON.compactString == #"{"error":{"code":"Conflict","message":"x"}}"#)
        let notFound = ARMError.resourceNotFound("Microsoft.Foo/bars/b", resourceGroup: "rg").envelopeJSON
        #expect(
            notFound["error"]?["details"]?[0] == [
                "code": "NotFound", "message": "The requested resource does not exist.", "target": "Microsoft.Foo/bars/b",
            ])
        #expect(ARMError.invalidParameter("bad", target: "properties.a").errorObjectJSON["target"] == "properties.a")
    }
}
