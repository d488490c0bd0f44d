import Foundation

extension Array where Element: Sendable {
    /// `map` across the machine's cores; results in the original order. Used by every phase
    /// (reading publishers, parsing schools, the export, the search index).
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ConcurrentSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, transform(self[i])) }
        return results.values
    }
}

/// Result slots filled from several threads.
private final class ConcurrentSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [T] { slots.compactMap { $0 } }
}
