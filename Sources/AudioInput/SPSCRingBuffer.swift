import Synchronization

/// A lock-free single-producer/single-consumer ring of floats: the capture thread writes, the render
/// loop reads, neither ever waits for the other.
///
/// `written` and `read` count samples since creation; the producer owns `written`, the consumer
/// `read`. Release/acquire ordering on those counters publishes the samples between them. When
/// full, new samples are dropped (and counted) rather than overwriting unread ones.
public final class SPSCRingBuffer: @unchecked Sendable {
    // @unchecked: the storage is shared, but each slot is touched by one side at a time, as the
    // counters order them; the counters themselves are atomics.
    private let storage: UnsafeMutablePointer<Float>
    public let capacity: Int
    private let mask: Int
    private let written = Atomic<Int>(0)
    private let consumed = Atomic<Int>(0)
    private let droppedCount = Atomic<Int>(0)

    /// A ring of at least `capacity` samples (rounded up to a power of two).
    public init(capacity: Int) {
        var size = 2
        while size < capacity { size <<= 1 }
        self.capacity = size
        mask = size - 1
        storage = .allocate(capacity: size)
        storage.initialize(repeating: 0, count: size)
    }

    deinit {
        storage.deallocate()
    }

    /// Samples waiting to be read.
    public var available: Int {
        written.load(ordering: .acquiring) - consumed.load(ordering: .acquiring)
    }

    /// Samples dropped because the reader fell behind.
    public var dropped: Int { droppedCount.load(ordering: .relaxed) }

    /// Producer: appends as many samples as fit (a whole multiple of `granule`) and returns how many.
    @discardableResult
    public func write(_ samples: UnsafeBufferPointer<Float>, granule: Int = 1) -> Int {
        let w = written.load(ordering: .relaxed)
        let r = consumed.load(ordering: .acquiring)
        var n = min(samples.count, capacity - (w - r))
        n -= n % max(1, granule)
        for j in 0..<n { storage[(w + j) & mask] = samples[j] }
        written.store(w + n, ordering: .releasing)
        if n < samples.count { droppedCount.add(samples.count - n, ordering: .relaxed) }
        return n
    }

    /// Consumer: moves up to `out.count` samples (a whole multiple of `granule`) into `out`.
    @discardableResult
    public func read(into out: UnsafeMutableBufferPointer<Float>, granule: Int = 1) -> Int {
        let r = consumed.load(ordering: .relaxed)
        let w = written.load(ordering: .acquiring)
        var n = min(out.count, w - r)
        n -= n % max(1, granule)
        for j in 0..<n { out[j] = storage[(r + j) & mask] }
        consumed.store(r + n, ordering: .releasing)
        return n
    }
}
