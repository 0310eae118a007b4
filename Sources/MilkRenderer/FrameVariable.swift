/// The per_frame variables a preset may read and write, each tied to a field of `LayerParameters`.
enum FrameVariable: String, CaseIterable, Sendable {
    case zoom, zoomexp, rot, warp, cx, cy, dx, dy, sx, sy, decay
    case waveR = "wave_r", waveG = "wave_g", waveB = "wave_b", waveA = "wave_a"
    case waveX = "wave_x", waveY = "wave_y", waveMode = "wave_mode", waveMystery = "wave_mystery"
    case waveDots = "wave_usedots", waveThick = "wave_thick", waveAdditive = "wave_additive"
    case waveBrighten = "wave_brighten"
    case obSize = "ob_size", obR = "ob_r", obG = "ob_g", obB = "ob_b", obA = "ob_a"
    case ibSize = "ib_size", ibR = "ib_r", ibG = "ib_g", ibB = "ib_b", ibA = "ib_a"
    case mvX = "mv_x", mvY = "mv_y", mvDX = "mv_dx", mvDY = "mv_dy", mvL = "mv_l"
    case mvR = "mv_r", mvG = "mv_g", mvB = "mv_b", mvA = "mv_a"
    case echoZoom = "echo_zoom", echoAlpha = "echo_alpha", echoOrient = "echo_orient", gamma
    case darkenCenter = "darken_center", wrap, invert, brighten, darken, solarize

    /// The value the layer currently holds for this variable.
    func value(in p: LayerParameters) -> Double {
        switch self {
        case .zoom: return Double(p.motion.zoom)
        case .zoomexp: return Double(p.motion.zoomExponent)
        case .rot: return Double(p.motion.rotation)
        case .warp: return Double(p.motion.warp)
        case .cx: return Double(p.motion.centerX)
        case .cy: return Double(p.motion.centerY)
        case .dx: return Double(p.motion.dx)
        case .dy: return Double(p.motion.dy)
        case .sx: return Double(p.motion.sx)
        case .sy: return Double(p.motion.sy)
        case .decay: return Double(p.decay)
        case .waveR: return Double(p.waveColor.x)
        case .waveG: return Double(p.waveColor.y)
        case .waveB: return Double(p.waveColor.z)
        case .waveA: return Double(p.waveColor.w)
        case .waveX: return Double(p.waveX)
        case .waveY: return Double(p.waveY)
        case .waveMode: return Double(p.waveMode)
        case .waveMystery: return Double(p.waveMystery)
        case .waveDots: return p.waveDots ? 1 : 0
        case .waveThick: return p.waveThick ? 1 : 0
        case .waveAdditive: return p.additiveWave ? 1 : 0
        case .waveBrighten: return p.maximizeWaveColor ? 1 : 0
        case .obSize: return Double(p.outerBorderSize)
        case .obR: return Double(p.outerBorderColor.x)
        case .obG: return Double(p.outerBorderColor.y)
        case .obB: return Double(p.outerBorderColor.z)
        case .obA: return Double(p.outerBorderColor.w)
        case .ibSize: return Double(p.innerBorderSize)
        case .ibR: return Double(p.innerBorderColor.x)
        case .ibG: return Double(p.innerBorderColor.y)
        case .ibB: return Double(p.innerBorderColor.z)
        case .ibA: return Double(p.innerBorderColor.w)
        case .mvX: return Double(p.motionVectorsX)
        case .mvY: return Double(p.motionVectorsY)
        case .mvDX: return Double(p.motionVectorsDX)
        case .mvDY: return Double(p.motionVectorsDY)
        case .mvL: return Double(p.motionVectorsLength)
        case .mvR: return Double(p.motionVectorsColor.x)
        case .mvG: return Double(p.motionVectorsColor.y)
        case .mvB: return Double(p.motionVectorsColor.z)
        case .mvA: return Double(p.motionVectorsColor.w)
        case .echoZoom: return Double(p.echoZoom)
        case .echoAlpha: return Double(p.echoAlpha)
        case .echoOrient: return Double(p.echoOrientation)
        case .gamma: return Double(p.gamma)
        case .darkenCenter: return p.darkenCenter ? 1 : 0
        case .wrap: return p.textureWrap ? 1 : 0
        case .invert: return p.invert ? 1 : 0
        case .brighten: return p.brighten ? 1 : 0
        case .darken: return p.darken ? 1 : 0
        case .solarize: return p.solarize ? 1 : 0
        }
    }

    /// Stores what the code left in the variable, converting as MilkDrop does (ints truncate, flags test non-zero).
    func store(_ value: Double, in p: inout LayerParameters) {
        let f = Float(value)
        let flag = value != 0
        let integer = value.isFinite ? Int(max(min(value, 1e9), -1e9)) : 0
        switch self {
        case .zoom: p.motion.zoom = f
        case .zoomexp: p.motion.zoomExponent = f
        case .rot: p.motion.rotation = f
        case .warp: p.motion.warp = f
        case .cx: p.motion.centerX = f
        case .cy: p.motion.centerY = f
        case .dx: p.motion.dx = f
        case .dy: p.motion.dy = f
        case .sx: p.motion.sx = f
        case .sy: p.motion.sy = f
        case .decay: p.decay = f
        case .waveR: p.waveColor.x = f
        case .waveG: p.waveColor.y = f
        case .waveB: p.waveColor.z = f
        case .waveA: p.waveColor.w = f
        case .waveX: p.waveX = f
        case .waveY: p.waveY = f
        case .waveMode: p.waveMode = integer
        case .waveMystery: p.waveMystery = f
        case .waveDots: p.waveDots = flag
        case .waveThick: p.waveThick = flag
        case .waveAdditive: p.additiveWave = flag
        case .waveBrighten: p.maximizeWaveColor = flag
        case .obSize: p.outerBorderSize = f
        case .obR: p.outerBorderColor.x = f
        case .obG: p.outerBorderColor.y = f
        case .obB: p.outerBorderColor.z = f
        case .obA: p.outerBorderColor.w = f
        case .ibSize: p.innerBorderSize = f
        case .ibR: p.innerBorderColor.x = f
        case .ibG: p.innerBorderColor.y = f
        case .ibB: p.innerBorderColor.z = f
        case .ibA: p.innerBorderColor.w = f
        case .mvX: p.motionVectorsX = f
        case .mvY: p.motionVectorsY = f
        case .mvDX: p.motionVectorsDX = f
        case .mvDY: p.motionVectorsDY = f
        case .mvL: p.motionVectorsLength = f
        case .mvR: p.motionVectorsColor.x = f
        case .mvG: p.motionVectorsColor.y = f
        case .mvB: p.motionVectorsColor.z = f
        case .mvA: p.motionVectorsColor.w = f
        case .echoZoom: p.echoZoom = f
        case .echoAlpha: p.echoAlpha = f
        case .echoOrient: p.echoOrientation = integer
        case .gamma: p.gamma = f
        case .darkenCenter: p.darkenCenter = flag
        case .wrap: p.textureWrap = flag
        case .invert: p.invert = flag
        case .brighten: p.brighten = flag
        case .darken: p.darken = flag
        case .solarize: p.solarize = flag
        }
    }
}
