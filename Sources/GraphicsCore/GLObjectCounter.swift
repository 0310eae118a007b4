import Synchronization

/// Live counts of the GL objects GraphicsCore's wrappers made and have not yet freed, for leak checks (soak).
///
/// A debug counter, the one process-wide piece of state in GraphicsCore: objects may be made on any context,
/// so the counts live beside the wrappers rather than in one context. Atomic, so any thread may read them.
public enum GLObjectCounter {
    /// What is alive now: created minus deleted, per kind.
    public struct Counts: Sendable, Equatable, Codable {
        public var textures: Int
        public var framebuffers: Int
        public var programs: Int
        public var buffers: Int
        public var vertexArrays: Int

        /// Every kind together.
        public var total: Int { textures + framebuffers + programs + buffers + vertexArrays }
    }

    enum Kind { case texture, framebuffer, program, buffer, vertexArray }

    private static let textures = Atomic<Int>(0)
    private static let framebuffers = Atomic<Int>(0)
    private static let programs = Atomic<Int>(0)
    private static let buffers = Atomic<Int>(0)
    private static let vertexArrays = Atomic<Int>(0)

    static func created(_ kind: Kind) { change(kind, by: 1) }
    static func deleted(_ kind: Kind) { change(kind, by: -1) }

    private static func change(_ kind: Kind, by delta: Int) {
        switch kind {
        case .texture: textures.add(delta, ordering: .relaxed)
        case .framebuffer: framebuffers.add(delta, ordering: .relaxed)
        case .program: programs.add(delta, ordering: .relaxed)
        case .buffer: buffers.add(delta, ordering: .relaxed)
        case .vertexArray: vertexArrays.add(delta, ordering: .relaxed)
        }
    }

    /// The live counts now.
    public static var live: Counts {
        Counts(textures: textures.load(ordering: .relaxed), framebuffers: framebuffers.load(ordering: .relaxed),
               programs: programs.load(ordering: .relaxed), buffers: buffers.load(ordering: .relaxed),
               vertexArrays: vertexArrays.load(ordering: .relaxed))
    }
}
