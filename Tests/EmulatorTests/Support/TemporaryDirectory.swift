import Foundation

/// A fresh directory under the system temporary directory, for a test's data dir.
func makeTemporaryDirectory(_ prefix: String = "foundry-emulator-tests") throws -> String {
    let path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
