/// The scanner behind `Tokenizer`: a hand-written version of the cl100k pre-tokenizer's alternatives
/// (letters, digits, other symbols, whitespace), each emitting its run as estimated pieces.
struct TokenScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var output: [String] = []

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    mutating func pieces() -> [String] {
        while position < scalars.count { scanOne() }
        return output
    }

    private mutating func scanOne() {
        let start = position
        if scalars[position] == " ", position + 1 < scalars.count, !isSpace(scalars[position + 1]) { position += 1 }
        let first = scalars[position]
        if isSpace(first) {
            scanWhitespace(from: start)
        } else if isIdeograph(first) {
            position += 1
            emit(start, position)
        } else if first.properties.isAlphabetic {
            scanRun(from: start, chunk: 4) { $0.properties.isAlphabetic && !Self.isIdeographScalar($0) }
        } else if first.properties.numericType != nil {
            scanRun(from: start, chunk: 3) { $0.properties.numericType != nil }
        } else {
            position += 1
            emit(start, position)
        }
    }

    /// A run of `matching` scalars after `start` (which may hold one space), cut every `chunk` scalars.
    private mutating func scanRun(from start: Int, chunk: Int, matching: (Unicode.Scalar) -> Bool) {
        var pieceStart = start
        var inPiece = 0
        while position < scalars.count, matching(scalars[position]) {
            position += 1
            inPiece += 1
            if inPiece == chunk {
                emit(pieceStart, position)
                pieceStart = position
                inPiece = 0
            }
        }
        if inPiece > 0 { emit(pieceStart, position) }
    }

    /// A whitespace run is one piece; when a word follows, its last space is left to that word.
    private mutating func scanWhitespace(from start: Int) {
        while position < scalars.count, isSpace(scalars[position]) { position += 1 }
        if position < scalars.count, position - start > 1, scalars[position - 1] == " " { position -= 1 }
        emit(start, position)
    }

    private mutating func emit(_ from: Int, _ to: Int) {
        var piece = String.UnicodeScalarView()
        piece.append(contentsOf: scalars[from..<to])
        output.append(String(piece))
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    private func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { Self.isIdeographScalar(scalar) }

    /// CJK ideographs, kana and Hangul: about one token per character in cl100k/o200k.
    static func isIdeographScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value) || (0xAC00...0xD7AF).contains(scalar.value)
    }
}
