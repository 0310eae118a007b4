/// The newest samples of one channel, in a fixed ring, so windows can be taken without allocation.
public struct SampleHistory: Sendable {
    private var ring: [Float]
    private var mask: Int
    /// Samples appended since creation.
    public private(set) var total: Int = 0

    /// Keeps the newest `capacity` samples (rounded up to a power of two); the rest read as silence.
    public init(capacity: Int) {
        var size = 1
        while size < max(capacity, 2) { size <<= 1 }
        ring = [Float](repeating: 0, count: size)
        mask = size - 1
    }

    /// How many samples the ring holds.
    public var capacity: Int { ring.count }

    /// Appends samples, oldest first.
    public mutating func append(_ samples: UnsafeBufferPointer<Float>) {
        ring.withUnsafeMutableBufferPointer { r in
            var w = total & mask
            for s in samples {
                r[w] = s
                w = (w + 1) & mask
            }
        }
        total += samples.count
    }

    /// The sample at absolute index `i` (0 = first appended); older or future samples are 0.
    @inline(__always) public func sample(at i: Int) -> Float {
        guard i >= 0, i < total, i >= total - ring.count else { return 0 }
        return ring[i & mask]
    }

    /// Copies `count` samples ending just before absolute index `end` (oldest first) into `out`.
    public func copy(count: Int, endingBefore end: Int, into out: UnsafeMutablePointer<Float>) {
        ring.withUnsafeBufferPointer { r in
            let start = end - count
            // Only [lo, hi) is held; the rest reads as silence.
            let lo = max(start, 0, total - r.count), hi = max(lo, min(end, total))
            let lead = min(count, lo - start), body = hi - lo
            if lead > 0 { out.update(repeating: 0, count: lead) }
            // The held span is at most two contiguous runs of the ring.
            var i = lo, j = lead
            while i < hi {
                let run = min(hi - i, r.count - (i & mask))
                (out + j).update(from: r.baseAddress! + (i & mask), count: run)
                i += run
                j += run
            }
            if lead + body < count { (out + lead + body).update(repeating: 0, count: count - lead - body) }
        }
    }
}
