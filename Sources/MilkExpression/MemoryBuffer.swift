/// A megabuf: 8,388,608 doubles in 128 blocks of 65,536, each allocated on first write.
///
/// Reads outside the buffer or of unallocated blocks give 0; writes outside are ignored (projectm-eval).
public struct MemoryBuffer: Sendable {
    public static let blockSize = 65_536
    public static let blockCount = 128
    public static let capacity = blockSize * blockCount

    private var blocks: [[Double]?] = []

    public init() {}

    /// Number of blocks allocated so far.
    public var allocatedBlocks: Int { blocks.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// The value at an already-rounded index; 0 when out of range or never written.
    @inline(__always) public func read(_ index: Int32) -> Double {
        guard index >= 0, Int(index) < Self.capacity else { return 0 }
        let b = Int(index) >> 16
        guard b < blocks.count, let block = blocks[b] else { return 0 }
        return block[Int(index) & 0xffff]
    }

    /// Stores at an already-rounded index; ignored when out of range.
    @inline(__always) public mutating func write(_ index: Int32, _ value: Double) {
        guard index >= 0, Int(index) < Self.capacity else { return }
        let b = Int(index) >> 16
        if b >= blocks.count { blocks.append(contentsOf: repeatElement(nil, count: b + 1 - blocks.count)) }
        if blocks[b] == nil { blocks[b] = [Double](repeating: 0, count: Self.blockSize) }
        blocks[b]?[Int(index) & 0xffff] = value
    }

    /// `memset(dest, value, count)` with projectm-eval's clipping.
    public mutating func set(dest: Double, value: Double, count: Double) {
        var offset = Int(ScalarMath.memoryIndex(dest))
        var n = Int(ScalarMath.memoryIndex(count))
        if offset < 0 { n += offset; offset = 0 }
        if offset >= Self.capacity { return }
        if offset + n > Self.capacity { n = Self.capacity - offset }
        guard n >= 1 else { return }
        for i in offset..<(offset + n) { write(Int32(i), value) }
    }

    /// `memcpy(dest, src, count)` with projectm-eval's clipping, copied block-chunk by block-chunk in its order
    /// (so long overlapping forward moves repeat values exactly as it does).
    public mutating func copy(dest: Double, source: Double, count: Double) {
        var d = Int(ScalarMath.memoryIndex(dest))
        var s = Int(ScalarMath.memoryIndex(source))
        var n = Int(ScalarMath.memoryIndex(count))
        if s < 0 { n += s; d -= s; s = 0 }
        if d < 0 { n += d; s -= d; d = 0 }
        while n > 0 {
            if d >= Self.capacity || s >= Self.capacity { break }
            var chunk = n
            chunk = Swift.min(chunk, Self.blockSize - (d & 0xffff), Self.blockSize - (s & 0xffff))
            if chunk < 1 { break }
            let values = (0..<chunk).map { read(Int32(s + $0)) }
            for i in 0..<chunk { write(Int32(d + i), values[i]) }
            s += chunk
            d += chunk
            n -= chunk
        }
    }

    /// Forgets every block (a new preset's local megabuf starts empty).
    public mutating func clear() { blocks = [] }
}
