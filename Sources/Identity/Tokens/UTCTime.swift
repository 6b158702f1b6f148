import Foundation

/// The two UTC time spellings the wire needs, built from calendar components (no shared formatter).
enum UTCTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func components(_ date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private static func two(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : "\(value)"
    }

    /// Entra's error timestamp: `2019-11-29 06:39:27Z`.
    static func entra(_ date: Date) -> String {
        let c = components(date)
        return "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }

    /// ARM's .NET invariant format in ExpiredAuthenticationToken: `10/26/2023 9:14:55 AM`.
    static func dotNet(_ date: Date) -> String {
        let c = components(date)
        let hour = c.hour ?? 0
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        return "\(c.month ?? 1)/\(c.day ?? 1)/\(c.year ?? 1970) \(twelve):\(two(c.minute)):\(two(c.second)) \(hour < 12 ? "AM" : "PM")"
    }

    /// .NET round-trip format in Entra messages: `2021-05-11T14:39:17.0000000Z`.
    static func roundTrip(_ date: Date) -> String {
        let c = components(date)
        return "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second)).0000000Z"
    }
}
