/// Sees every change of the `Directory` (the durability journal), with the whole new content.
/// Called under the directory's lock: quick, no I/O, no calls back into the directory.
package protocol DirectoryObserver: Sendable {
    func directory(didChange snapshot: DirectorySnapshot)
}
