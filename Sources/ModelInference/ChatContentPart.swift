/// One part of an array-valued message `content`. Only text feeds the built-in model; other parts
/// (images, audio, files) are kept by kind so that token estimates can charge for them.
package enum ChatContentPart: Sendable, Equatable {
    case text(String)
    case imageURL(String)
    case other(type: String)

    /// The part types chat completions accepts (OpenAI API reference, `ChatCompletionContentPart`).
    static let supportedTypes = ["text", "image_url", "input_audio", "refusal", "file"]

    package var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
