/// `count()` of an all-ASCII text on its bytes, without a scalar buffer or the general scanner's
/// per-class dispatch: counting the built-in answer and every message showed as the built-in
/// responder's largest part in a profile of chat completions. The same rules as `scanOne` restricted to
/// ASCII, where nothing is an ideograph (`TokenizerTests` checks that both count alike).
extension TokenScanner {
    static func countASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        var count = 0
        var position = 0
        while position < bytes.count {
            let start = position
            // One space travels with the word (or symbol) after it.
            if bytes[position] == 0x20, position + 1 < bytes.count, !isSpace(bytes[position + 1]) { position += 1 }
            let first = bytes[position]
            if isSpace(first) {
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                if position < bytes.count, position - start > 1, bytes[position - 1] == 0x20 { position -= 1 }
                count += 1
            } else if isLetter(first) {
                var run = 0
                while position < bytes.count, isLetter(bytes[position]) {
                    position += 1
                    run += 1
                }
                count += (run + 3) / 4
            } else if isDigit(first) {
                var run = 0
                while position < bytes.count, isDigit(bytes[position]) {
                    position += 1
                    run += 1
                }
                count += (run + 2) / 3
            } else {
                position += 1
                count += 1
            }
        }
        return count
    }
}
