/// Sees every change of a `ResourceStore` (the durability journal). It is called under the store's
/// lock, in the order the changes happen, so it must be quick (append to a buffer, no I/O) and
/// must never call back into the store.
package protocol ResourceStoreObserver: Sendable {
    func resourceStore(didChange change: ResourceStoreChange)
}
