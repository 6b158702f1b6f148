import COpenSSL
import Synchronization

/// Cryptographically random bytes fetched in 4 KiB blocks, so that a GUID costs a lock and two loads
/// instead of system calls. The block comes from OpenSSL's CSPRNG (`RAND_bytes`, seeded by the
/// kernel), or from the standard library's system generator if OpenSSL refuses.
final class RandomPool: Sendable {
    static let shared = RandomPool()

    private static let blockWords = 512  // 4 KiB
    private struct State {
        var words: [UInt64] = []
        var position = 0
    }
    private let state = Mutex(State())

    func next128() -> (UInt64, UInt64) {
        state.withLock { state in
            if state.position + 2 > state.words.count {
                state.words = Self.systemRandomWords(Self.blockWords)
                state.position = 0
            }
            defer { state.position += 2 }
            return (state.words[state.position], state.words[state.position + 1])
        }
    }

    static func systemRandomWords(_ count: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: count)
        let status = words.withUnsafeMutableBytes { buffer in
            RAND_bytes(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(buffer.count))
        }
        if status == 1 { return words }
        var generator = SystemRandomNumberGenerator()
        return words.map { _ in generator.next() }
    }
}
