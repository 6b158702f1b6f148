import Foundation

/// A new random GUID in the lower-case form ARM uses.
public func newGUID() -> String { UUID().uuidString.lowercased() }
