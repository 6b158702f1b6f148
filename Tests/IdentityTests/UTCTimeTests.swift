import Foundation
import Testing

@testable import Identity

@Suite struct UTCTimeTests {
    @Test func formats() {
        let morning = Date(timeIntervalSince1970: 1_698_311_695)  // 2023-10-26 09:14:55 UTC
        #expect(UTCTime.entra(morning) == "2023-10-26 09:14:55Z")
        #expect(UTCTime.dotNet(morning) == "10/26/2023 9:14:55 AM")
        #expect(UTCTime.dotNet(morning.addingTimeInterval(4 * 3600)) == "10/26/2023 1:14:55 PM")
        #expect(UTCTime.dotNet(Date(timeIntervalSince1970: 1_698_278_400)) == "10/26/2023 12:00:00 AM")
        #expect(UTCTime.roundTrip(morning) == "2023-10-26T09:14:55.0000000Z")
    }
}
