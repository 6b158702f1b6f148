import ARMCore

/// Ids of answers (`chatcmpl-…`, `resp_…`): 32 random hex digits after the prefix (a GUID's).
enum DataPlaneIDs {
    static func random() -> String {
        newRandomHex32()
    }
}
