/// ARM's `uniqueString()`: the arguments joined with `-`, UTF-8 encoded, hashed with the
/// MurmurHash64 variant of Microsoft.WindowsAzure.ResourceStack (`ComputeHash`, two 32-bit lanes
/// with its own constants, seed 0), and the 64-bit result written as 13 characters of base32
/// (`a-z2-7`, 5 bits at a time from the most significant end). Published vectors:
/// `uniqueString('hello','world')` = `a7wkljktk6wne`, `uniqueString('tyeth')` = `zcztcwvu6iyg6`.
package enum UniqueString {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    package static func make(_ values: [String]) -> String {
        var hash = murmurHash64(Array(values.joined(separator: "-").utf8))
        var result = ""
        for _ in 0..<13 {
            result.append(alphabet[Int(hash >> 59)])
            hash <<= 5
        }
        return result
    }

    static func murmurHash64(_ data: [UInt8], seed: UInt32 = 0) -> UInt64 {
        let c1: UInt32 = 0x239B_961B
        let c2: UInt32 = 0xAB0E_9789
        let length = data.count
        var h1 = seed
        var h2 = seed
        func word(_ offset: Int, _ count: Int) -> UInt32 {
            var value: UInt32 = 0
            for i in 0..<count { value |= UInt32(data[offset + i]) << (8 * UInt32(i)) }
            return value
        }
        func rotl(_ x: UInt32, _ r: UInt32) -> UInt32 { (x << r) | (x >> (32 - r)) }
        var index = 0
        while index + 7 < length {
            var k1 = word(index, 4)
            var k2 = word(index + 4, 4)
            k1 = rotl(k1 &* c1, 15) &* c2
            h1 = rotl(h1 ^ k1, 19) &+ h2
            h1 = h1 &* 5 &+ 0x561C_CD1B
            k2 = rotl(k2 &* c2, 17) &* c1
            h2 = rotl(h2 ^ k2, 13) &+ h1
            h2 = h2 &* 5 &+ 0x0BCA_A747
            index += 8
        }
        let remaining = length - index
        if remaining > 0 {
            let k1 = word(index, min(remaining, 4))
            h1 ^= rotl(k1 &* c1, 15) &* c2
            if remaining > 4 {
                let k2 = word(index + 4, remaining - 4)
                h2 ^= rotl(k2 &* c2, 17) &* c1
            }
        }
        h2 ^= UInt32(truncatingIfNeeded: length)
        h1 ^= UInt32(truncatingIfNeeded: length)
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        func mix(_ value: UInt32) -> UInt32 {
            var h = value
            h ^= h >> 16
            h = h &* 0x85EB_CA6B
            h ^= h >> 13
            h = h &* 0xC2B2_AE35
            h ^= h >> 16
            return h
        }
        h1 = mix(h1)
        h2 = mix(h2)
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        return (UInt64(h2) << 32) | UInt64(h1)
    }
}
