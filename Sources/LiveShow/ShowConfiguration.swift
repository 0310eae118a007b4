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
    /// The BG layer's internal size as a fraction of the output's on each side (0.25…1). The coupling's depth of
    /// field blurs the BG in the 3D view, so it is rendered smaller (a quarter of the pixels at 0.5) and
    /// magnified by the compositor; 1 renders it at full size (for a sharp BG in the flat mix). Fixed for the
    /// show's life: a layer's feedback loop depends on its size.
    public var backgroundScale: Double
    /// The default `backgroundScale`.
    public static let defaultBackgroundScale = 0.5

    public init(width: Int = 1280, height: Int = 720, fps: Double = 30, seed: UInt64 = 1,
                picker: PickerConfiguration = .init(), policy: PairChangePolicy = .init(),
                coupling: CouplingParameters = .init(), meshColumns: Int = 48, meshRows: Int = 36,
                switching: PairSwitching = .onSchedule,
                backgroundScale: Double = ShowConfiguration.defaultBackgroundScale) {
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
        self.backgroundScale = backgroundScale
    }

    /// The BG layer's internal size: the output size times `backgroundScale`, at least 16 pixels a side.
    public var backgroundSize: (width: Int, height: Int) {
        (max(16, Int((Double(width) * backgroundScale).rounded())), max(16, Int((Double(height) * backgroundScale).rounded())))
    }

    /// Checks sizes and rates; throws naming the bad setting.
    public func validated() throws -> ShowConfiguration {
        guard (16...8192).contains(width), (16...8192).contains(height) else {
            throw LiveShowError.badSetting(name: "size", value: "\(width)x\(height)", reason: "each side must be 16…8192")
        }
        guard fps.isFinite, (1...1000).contains(fps) else {
            throw LiveShowError.badSetting(name: "fps", value: "\(fps)", reason: "must be 1…1000")
        }
        guard backgroundScale.isFinite, (0.25...1).contains(backgroundScale) else {
            throw LiveShowError.badSetting(name: "bg-scale", value: "\(backgroundScale)", reason: "must be 0.25…1")
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
