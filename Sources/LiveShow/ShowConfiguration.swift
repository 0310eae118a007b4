import Coupling
import Selection

/// How the show meets a pair change whose presets are still being prepared.
public enum PairSwitching: String, Sendable, Equatable, Codable {
    /// Live: the current pair plays on until the next one is fully prepared; the render thread never waits.
    case whenReady
    /// Record: the change frame waits for the preparer, so the frames never depend on how fast another thread was.
    case onSchedule
}

/// Everything a show is built with; live mode and record mode differ only in their clock and audio.
public struct ShowConfiguration: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Frames per second of the show's clock (record: frame i at i / fps).
    public var fps: Double
    /// Seeds the picker and every layer (preset `rand()`, hue phases).
    public var seed: UInt64
    public var picker: PickerConfiguration
    public var policy: PairChangePolicy
    public var coupling: CouplingParameters
    /// Warp mesh of both layers.
    public var meshColumns: Int
    public var meshRows: Int
    /// Live shows switch `.whenReady`; recordings (and the default) `.onSchedule`.
    public var switching: PairSwitching

    public init(width: Int = 1280, height: Int = 720, fps: Double = 30, seed: UInt64 = 1,
                picker: PickerConfiguration = .init(), policy: PairChangePolicy = .init(),
                coupling: CouplingParameters = .init(), meshColumns: Int = 48, meshRows: Int = 36,
                switching: PairSwitching = .onSchedule) {
        self.width = width
        self.height = height
        self.fps = fps
        self.seed = seed
        self.picker = picker
        self.policy = policy
        self.coupling = coupling
        self.meshColumns = meshColumns
        self.meshRows = meshRows
        self.switching = switching
    }

    /// Checks sizes and rates; throws naming the bad setting.
    public func validated() throws -> ShowConfiguration {
        guard (16...8192).contains(width), (16...8192).contains(height) else {
            throw LiveShowError.badSetting(name: "size", value: "\(width)x\(height)", reason: "each side must be 16…8192")
        }
        guard fps.isFinite, (1...1000).contains(fps) else {
            throw LiveShowError.badSetting(name: "fps", value: "\(fps)", reason: "must be 1…1000")
        }
        _ = try policy.validated()
        return self
    }
}

/// Parses `1280x720` into a width and a height.
public func parseSize(_ text: String) throws -> (width: Int, height: Int) {
    let parts = text.lowercased().split(separator: "x")
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
          (16...8192).contains(width), (16...8192).contains(height) else {
        throw LiveShowError.badSetting(name: "size", value: text, reason: "expected WIDTHxHEIGHT, each 16…8192, e.g. 1280x720")
    }
    return (width, height)
}
