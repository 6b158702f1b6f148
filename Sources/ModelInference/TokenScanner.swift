/// The scanner behind `Tokenizer`: a hand-written version of the cl100k pre-tokenizer's alternatives
/// (letters, digits, other symbols, whitespace), each emitting its run as estimated pieces.
///
/// Counting does not build the pieces' strings, and ASCII is classified without Unicode property
/// lookups: both showed as the top of a profile of chat completions (perf, `scripts/benchmark-dataplane`).
struct TokenScanner {
    /// Valid while the scanner is used: `Tokenizer.withScalars` lends it.
    private let scalars: UnsafeBufferPointer<Unicode.Scalar>
    private var position = 0
    /// When false, `emit` only counts: `count()` needs no strings.
    private let collecting: Bool
    private var output: [String] = []
    private var emitted = 0

    init(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, collecting: Bool = true) {
        self.scalars = scalars
        self.collecting = collecting
    }

    mutating func pieces() -> [String] {
        while position < scalars.count { scanOne() }
        return output
    }

    /// The number of pieces `pieces()` would return.
    mutating func count() -> Int {
        while position < scalars.count { scanOne() }
        return emitted
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
        } else if Self.isLetter(first) {
            scanRun(from: start, chunk: 4) { Self.isLetter($0) && !Self.isIdeographScalar($0) }
        } else if Self.isNumeric(first) {
            scanRun(from: start, chunk: 3) { Self.isNumeric($0) }
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
        emitted += 1
        guard collecting else { return }
        var piece = String.UnicodeScalarView()
        piece.append(contentsOf: scalars[from..<to])
        output.append(String(piece))
    }

    // ASCII answers as the Unicode properties do: White_Space is U+0009-U+000D and U+0020, Alphabetic
    // is A-Z and a-z, a numeric type only 0-9, and nothing is Ideographic (Unicode UCD PropList.txt,
    // DerivedCoreProperties.txt, DerivedNumericType.txt).
    private func isSpace(_ scalar: Unicode.Scalar) -> Bool { Self.isSpaceScalar(scalar) }

    static func isSpaceScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    private func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { Self.isIdeographScalar(scalar) }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
    }

    /// CJK ideographs, kana and Hangul: about one token per character in cl100k/o200k.
    static func isIdeographScalar(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        return scalar.properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value) || (0xAC00...0xD7AF).contains(scalar.value)
    }
}
