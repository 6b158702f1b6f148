import EmulatorHTTP
import Foundation
import Testing

@testable import ARMCore

@Suite struct PreconditionTests {
    let resource = StoredResource(
        id: .subscription(Fixture.subscription), body: [:], etag: "\"abc\"", createdAt: Date(timeIntervalSince1970: 0))

    private func fails(_ precondition: Precondition, _ existing: StoredResource?) -> Bool {
        do {
            try precondition.check(existing)
            return false
        } catch let error as ARMError {
            #expect(error == .preconditionFailed)
            #expect(error.status == 412)
            return true
        } catch {
            return false
        }
    }

    @Test func ifMatchTable() {
        // The PUT rows of docs/azure-behaviours.md "ETags and conditional requests"
        #expect(fails(Precondition(ifMatch: "*"), nil))
        #expect(!fails(Precondition(ifMatch: "*"), resource))
        #expect(fails(Precondition(ifMatch: "\"abc\""), nil))
        #expect(!fails(Precondition(ifMatch: "\"abc\""), resource))
        #expect(fails(Precondition(ifMatch: "\"xyz\""), resource))
        #expect(!fails(Precondition(ifMatch: "\"xyz\", W/\"abc\""), resource))
        #expect(!fails(Precondition(ifMatch: "abc"), resource))
    }

    @Test func ifNoneMatchTable() {
        #expect(!fails(Precondition(ifNoneMatch: "*"), nil))
        #expect(fails(Precondition(ifNoneMatch: "*"), resource))
        #expect(fails(Precondition(ifNoneMatch: "\"abc\""), resource))
        #expect(!fails(Precondition(ifNoneMatch: "\"xyz\""), resource))
    }

    @Test func fromRequestHeaders() {
        #expect(Precondition(headers: HTTPHeaders()) == nil)
        let request = Fixture.request("PUT", "/x", headers: [("if-match", "\"abc\"")])
        #expect(request.precondition?.ifMatch == ["abc"])
        #expect(request.precondition?.ifNoneMatch == nil)
    }
}
