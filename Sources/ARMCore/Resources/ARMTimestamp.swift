import Foundation

/// Timestamps in the forms ARM prints. Pure arithmetic on the proleptic Gregorian calendar (UTC),
/// so no formatter object, no locale and no lock on the request path.
package enum ARMTimestamp {
    /// ISO-8601 UTC with 7 fractional digits, as real ARM responses carry them
    /// (`2025-05-05T14:10:05.9608228Z`; docs/azure-behaviours.md "Resource envelope and systemData").
    package static func string(from date: Date) -> String {
        let (seconds, ticks) = split(date)
        let civil = CivilTime(secondsSinceEpoch: seconds)
        guard (0...9999).contains(civil.year), (0..<10_000_000).contains(ticks) else {
            return civil.dateTimeText + "." + pad(Int(ticks), 7) + "Z"
        }
        // Written as 28 bytes: every write stamps `systemData` and the pieces joined as text were
        // 2% of a PUT's CPU (perf).
        return String(unsafeUninitializedCapacity: 28) { buffer in
            func put(_ value: Int, width: Int, at start: Int) { putDigits(value, width: width, into: buffer, at: start) }
            put(civil.year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(civil.month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(civil.day, width: 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(civil.hour, width: 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(civil.minute, width: 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(civil.second, width: 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(Int(ticks), width: 7, at: 20)
            buffer[27] = UInt8(ascii: "Z")
            return 28
        }
    }

    /// `yyyyMMddTHHmmssZ`, the middle part of `x-ms-routing-request-id` (docs/azure-behaviours.md "Response headers").
    /// Written as 16 bytes (every response carries one; the concatenated form was 1% of a GET's CPU),
    /// years outside 0...9999 as padded text.
    package static func compactString(from date: Date) -> String {
        let civil = CivilTime(secondsSinceEpoch: split(date).seconds)
        guard (0...9999).contains(civil.year) else {
            return pad(civil.year, 4) + pad(civil.month, 2) + pad(civil.day, 2) + "T" + pad(civil.hour, 2) + pad(civil.minute, 2)
                + pad(civil.second, 2) + "Z"
        }
        return String(unsafeUninitializedCapacity: 16) { buffer in
            writeCompact(civil, into: buffer, at: 0)
            return 16
        }
    }

    /// `compactString(from:)`'s 16 bytes written at `start` of `buffer`, for text that embeds it
    /// (`x-ms-routing-request-id`, built as one string); false, nothing written, for a year outside
    /// 0...9999.
    package static func writeCompact(_ date: Date, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Bool {
        let civil = CivilTime(secondsSinceEpoch: split(date).seconds)
        guard (0...9999).contains(civil.year) else { return false }
        writeCompact(civil, into: buffer, at: start)
        return true
    }

    private static func writeCompact(_ civil: CivilTime, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        func put(_ value: Int, width: Int, at position: Int) { putDigits(value, width: width, into: buffer, at: start + position) }
        put(civil.year, width: 4, at: 0)
        put(civil.month, width: 2, at: 4)
        put(civil.day, width: 2, at: 6)
        buffer[start + 8] = UInt8(ascii: "T")
        put(civil.hour, width: 2, at: 9)
        put(civil.minute, width: 2, at: 11)
        put(civil.second, width: 2, at: 13)
        buffer[start + 15] = UInt8(ascii: "Z")
    }

    /// `value` as `width` decimal digits (zero-padded) at `start`.
    private static func putDigits(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var remaining = value
        for offset in stride(from: width - 1, through: 0, by: -1) {
            buffer[start + offset] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; nil for anything else.
    package static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + length] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let hours = number(index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let minutes = number(index + 4, 2)
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The instant `ARMTimestamp.date(from: ARMTimestamp.string(from: date))` answers (the JSON says
    /// 7 fractional digits, so an event reads back exactly as recorded), by the same arithmetic
    /// without the text: whole seconds plus the fraction summed digit by digit as the parser does.
    package static func readBack(_ date: Date) -> Date {
        let (seconds, ticks) = split(date)
        // Years 1-9999 print as four digits; outside them, the text's own round trip.
        guard seconds >= -62_135_596_800, seconds < 253_402_300_800 else {
            return Self.date(from: string(from: date)) ?? date
        }
        var fraction = 0.0
        var scale = 0.1
        var divisor: Int64 = 1_000_000
        for _ in 0..<7 {
            fraction += Double(ticks / divisor % 10) * scale
            scale /= 10
            divisor /= 10
        }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Whole seconds since 1970 and the 100 ns ticks within that second (both rounded down).
    private static func split(_ date: Date) -> (seconds: Int, ticks: Int64) {
        let totalTicks = Int64((date.timeIntervalSince1970 * 10_000_000).rounded(.down))
        var seconds = totalTicks / 10_000_000
        var ticks = totalTicks % 10_000_000
        if ticks < 0 {
            ticks += 10_000_000
            seconds -= 1
        }
        return (Int(seconds), ticks)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A UTC date and time of day (Howard Hinnant's civil-from-days algorithm).
struct CivilTime {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    init(secondsSinceEpoch: Int) {
        var days = secondsSinceEpoch / 86_400
        var secondOfDay = secondsSinceEpoch % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
    }

    var dateTimeText: String {
        ARMTimestamp.pad(year, 4) + "-" + ARMTimestamp.pad(month, 2) + "-" + ARMTimestamp.pad(day, 2) + "T"
            + ARMTimestamp.pad(hour, 2) + ":" + ARMTimestamp.pad(minute, 2) + ":" + ARMTimestamp.pad(second, 2)
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
