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

/// Runs `side` on a thread of its own while `main` runs on this one, and returns both results:
/// for one core's work beside work that spreads itself over the cores with `concurrentMap`
/// (Dispatch runs a `concurrentPerform` nested in another on a single thread).
func concurrently<A: Sendable, B>(_ side: @escaping @Sendable () -> A, _ main: () -> B) -> (A, B) {
    let result = ConcurrentSlots<A>(count: 1)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        result.set(0, side())
        done.signal()
    }
    // As much stack as the main thread: the Markdown trees are walked recursively.
    thread.stackSize = 8 << 20
    thread.start()
    let b = main()
    done.wait()
    return (result.values[0], b)
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
