/// `tool_choice`: whether and which function the model must call.
package enum ToolChoice: Sendable, Equatable {
    case none
    case auto
    case required
    case function(String)

    static let modeNames = ["none", "auto", "required"]
}
