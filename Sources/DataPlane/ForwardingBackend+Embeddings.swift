import ARMCore
import Foundation
import JSON

extension ForwardingBackend {
    /// `data[].embedding` as OpenAI's base64 form: the float32 values, little-endian, base64-encoded
    /// (OpenAI API reference, embeddings `encoding_format`; openai-python decodes it with
    /// `np.frombuffer(base64.b64decode(...), dtype="float32")`). Vectors already strings stay.
    static func base64Embeddings(_ body: JSONObject) -> JSONObject {
        guard let data = body["data"]?.arrayValue else { return body }
        var body = body
        body["data"] = .array(
            data.map { item in
                guard var object = item.objectValue, let vector = object["embedding"]?.arrayValue else { return item }
                object["embedding"] = .string(base64(vector.map { Float($0.doubleValue ?? 0) }))
                return .object(object)
            })
        return body
    }

    static func base64(_ vector: [Float]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for value in vector {
            let bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: bits) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes).base64EncodedString()
    }
}
