import Foundation

/// `encoding_format: "base64"`: the vector as little-endian IEEE-754 float32 bytes in standard base64,
/// which openai-python decodes with `np.frombuffer(base64.b64decode(data), dtype="float32")`
/// (`openai/resources/embeddings.py`).
extension EmbeddingVectors {
    package static func base64(_ vector: [Float]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for component in vector {
            let bits = component.bitPattern.littleEndian
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
        }
        return Data(bytes).base64EncodedString()
    }

    /// The inverse of `base64(_:)`; nil for text that is not base64 of a whole number of floats.
    package static func floats(fromBase64 text: String) -> [Float]? {
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else { return nil }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count, by: 4).map { offset in
            var bits: UInt32 = 0
            for index in 0..<4 { bits |= UInt32(bytes[offset + index]) << UInt32(index * 8) }
            return Float(bitPattern: bits)
        }
    }
}
