import ARMCore
import Foundation
import JSON
import Testing

@testable import InsightsProvider

/// The `EventData` JSON rendered from a recorded event's compact form: the exact bytes (keys, order,
/// values) the events had when each was built as a whole JSON tree, and their read-back.
@Suite struct ActivityEventRenderingTests {
    static let resource =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a"

    static func operation() -> RecordedOperation {
        RecordedOperation(
            operationID: CompactID("6d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b"), correlationID: "corr-1",
            serviceRequestID: "0f0e0d0c-0b0a-4909-8807-060504030201", resourceID: ResourceID(resource)!,
            action: "Microsoft.CognitiveServices/accounts/write",
            caller: Caller(objectId: "o1", tenantId: "t1", principalType: .user, userPrincipalName: "ada@contoso.com"),
            claims: JSONObject([("http://schemas.microsoft.com/identity/claims/objectidentifier", "o1"), ("iat", "5")]),
            httpRequest: RecordedHTTPRequest(
                clientRequestID: "c-1", clientIpAddress: "127.0.0.1", method: "PUT", baseURL: "https://h", target: "/x?api-version=1"))
    }

    /// 2026-01-02T03:04:05.5Z: exactly representable, so its text and ticks are plain.
    static let date = Date(timeIntervalSince1970: 1_767_323_045.5)

    @Test func aFailedEndRequestRendersExactlyAsBefore() throws {
        let event = ActivityEvent.make(
            Self.operation(), name: .endRequest, status: .failed, httpStatus: 409,
            error: ["error": ["code": "Conflict", "message": "no"]], at: Self.date)
        let id = event.eventDataID
        let expected =
            #"{"authorization":{"action":"Microsoft.CognitiveServices/accounts/write","scope":"\#(Self.resource)"},"#
            + #""caller":"ada@contoso.com","channels":"Operation","#
            + #""claims":{"http://schemas.microsoft.com/identity/claims/objectidentifier":"o1","iat":"5"},"#
            + #""correlationId":"corr-1","description":"","eventDataId":"\#(id)","#
            + #""eventName":{"value":"EndRequest","localizedValue":"End request"},"#
            + #""category":{"value":"Administrative","localizedValue":"Administrative"},"#
            + #""httpRequest":{"clientRequestId":"c-1","clientIpAddress":"127.0.0.1","method":"PUT","uri":"https://h/x?api-version=1"},"#
            + #""id":"\#(Self.resource)/events/\#(id)/ticks/639029198455000000","level":"Error","resourceGroupName":"rg","#
            + #""resourceProviderName":{"value":"Microsoft.CognitiveServices","localizedValue":"Microsoft.CognitiveServices"},"#
            + #""resourceId":"\#(Self.resource)","#
            + #""resourceType":{"value":"Microsoft.CognitiveServices/accounts","localizedValue":"Microsoft.CognitiveServices/accounts"},"#
            + #""operationId":"6d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b","#
            + #""operationName":{"value":"Microsoft.CognitiveServices/accounts/write","localizedValue":"Microsoft.CognitiveServices/accounts/write"},"#
            + #""properties":{"eventCategory":"Administrative","entity":"\#(Self.resource)","#
            + #""message":"Microsoft.CognitiveServices/accounts/write","statusCode":"Conflict","#
            + #""serviceRequestId":"0f0e0d0c-0b0a-4909-8807-060504030201","#
            + #""statusMessage":"{\"error\":{\"code\":\"Conflict\",\"message\":\"no\"}}"},"#
            + #""status":{"value":"Failed","localizedValue":"Failed"},"#
            + #""subStatus":{"value":"Conflict","localizedValue":"Conflict (HTTP Status Code: 409)"},"#
            + #""eventTimestamp":"2026-01-02T03:04:05.5000000Z","submissionTimestamp":"2026-01-02T03:04:05.5000000Z","#
            + #""subscriptionId":"00000000-0000-0000-0000-000000000001","tenantId":"t1","relatedEvents":[]}"#
        #expect(JSONValue.object(event.json).compactString == expected)
        #expect(event.correlationID == "corr-1")
        #expect(event.resourceProvider == "Microsoft.CognitiveServices")
        #expect(event.resourceGroupName == "rg")
        #expect(event.caller == "ada@contoso.com")
        #expect(event.status == "Failed")
        #expect(event.channels == "Operation")
    }

    @Test func aBeginRequestHasNoStatusCodeAndAServicePrincipalIsItsObjectID() throws {
        let operation = RecordedOperation(
            operationID: CompactID("6d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b"), correlationID: "7e57c0de-0000-4000-8000-000000000001",
            serviceRequestID: "r-1", resourceID: ResourceID.resourceGroup(subscriptionID: "s", name: "g"),
            action: "Microsoft.Resources/subscriptions/resourceGroups/write",
            caller: Caller(objectId: "sp-1", tenantId: "t1", principalType: .servicePrincipal), claims: JSONObject(),
            httpRequest: RecordedHTTPRequest(
                clientRequestID: "0f0e0d0c-0b0a-4909-8807-060504030201", clientIpAddress: "10.0.0.2", method: "DELETE",
                baseURL: "http://127.0.0.1:8080", target: "/subscriptions/s/resourceGroups/g?api-version=2024-11-01"))
        let event = ActivityEvent.make(operation, name: .beginRequest, status: .started, httpStatus: nil, error: nil, at: Self.date)
        let id = event.eventDataID
        let expected =
            #"{"authorization":{"action":"Microsoft.Resources/subscriptions/resourceGroups/write","scope":"/subscriptions/s/resourceGroups/g"},"#
            + #""caller":"sp-1","channels":"Operation","claims":{},"correlationId":"7e57c0de-0000-4000-8000-000000000001","#
            + #""description":"","eventDataId":"\#(id)","eventName":{"value":"BeginRequest","localizedValue":"Begin request"},"#
            + #""category":{"value":"Administrative","localizedValue":"Administrative"},"#
            + #""httpRequest":{"clientRequestId":"0f0e0d0c-0b0a-4909-8807-060504030201","clientIpAddress":"10.0.0.2","method":"DELETE","#
            + #""uri":"http://127.0.0.1:8080/subscriptions/s/resourceGroups/g?api-version=2024-11-01"},"#
            + #""id":"/subscriptions/s/resourceGroups/g/events/\#(id)/ticks/639029198455000000","level":"Informational","#
            + #""resourceGroupName":"g","resourceProviderName":{"value":"Microsoft.Resources","localizedValue":"Microsoft.Resources"},"#
            + #""resourceId":"/subscriptions/s/resourceGroups/g","#
            + #""resourceType":{"value":"Microsoft.Resources/subscriptions/resourceGroups","localizedValue":"Microsoft.Resources/subscriptions/resourceGroups"},"#
            + #""operationId":"6d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b","#
            + #""operationName":{"value":"Microsoft.Resources/subscriptions/resourceGroups/write","localizedValue":"Microsoft.Resources/subscriptions/resourceGroups/write"},"#
            + #""properties":{"eventCategory":"Administrative","entity":"/subscriptions/s/resourceGroups/g","#
            + #""message":"Microsoft.Resources/subscriptions/resourceGroups/write","serviceRequestId":"r-1"},"#
            + #""status":{"value":"Started","localizedValue":"Started"},"subStatus":{"value":"","localizedValue":""},"#
            + #""eventTimestamp":"2026-01-02T03:04:05.5000000Z","submissionTimestamp":"2026-01-02T03:04:05.5000000Z","#
            + #""subscriptionId":"s","tenantId":"t1","relatedEvents":[]}"#
        #expect(JSONValue.object(event.json).compactString == expected)
        // A correlation id kept as a GUID's bytes matches case-insensitively, as text does.
        #expect(event.hasCorrelationID(lowercased: "7e57c0de-0000-4000-8000-000000000001"))
        #expect(!event.hasCorrelationID(lowercased: "7e57c0de-0000-4000-8000-000000000002"))
    }

    @Test func aRecordedEventReadsBackAsTheSameBytes() throws {
        let event = ActivityEvent.make(Self.operation(), name: .endRequest, status: .succeeded, httpStatus: 201, error: nil, at: Date())
        let copy = try ActivityEvent(json: .object(event.json))
        #expect(copy == event)
        #expect(copy.timestamp == event.timestamp)
        #expect(JSONValue.object(copy.json).compactString == JSONValue.object(event.json).compactString)
        for field in [
            \ActivityEvent.correlationID, \.resourceID, \.resourceGroupName, \.resourceProvider, \.subscriptionID, \.caller, \.status,
            \.channels, \.eventDataID,
        ] {
            #expect(copy[keyPath: field] == event[keyPath: field])
        }
    }

    /// The instant kept for the filter is the one the printed timestamp parses back to.
    @Test func theTimestampIsWhatTheTextReadsBackAs() {
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(), Self.date, Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1.25), .distantPast, .distantFuture]
        for _ in 0..<2000 { dates.append(Date(timeIntervalSince1970: Double.random(in: 0..<4_102_444_800, using: &generator))) }
        for date in dates {
            let expected = ARMTimestamp.date(from: ARMTimestamp.string(from: date)) ?? date
            #expect(ARMTimestamp.readBack(date) == expected, "\(date.timeIntervalSince1970)")
        }
    }

    @Test(arguments: [
        ("0f0e0d0c-0b0a-4909-8807-060504030201", true), ("0F0E0D0C-0B0A-4909-8807-060504030201", false), ("corr-1", false),
        ("0f0e0d0c-0b0a-4909-8807-06050403020g", false), ("0f0e0d0c00b0a-4909-8807-060504030201", false), ("", false),
    ])
    func aCompactIDPrintsTheTextItCameFrom(text: String, isGUID: Bool) {
        let id = CompactID(text)
        #expect(id.description == text)
        if case .guid = id { #expect(isGUID) } else { #expect(!isGUID) }
        #expect(id.matches(lowercased: text.lowercased()))
    }
}
