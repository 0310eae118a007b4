import MilkPreset

extension LayerParameters {
    /// The values a preset starts every frame from (its base values), before any code runs.
    public init(base b: BaseValues) {
        self.init()
        motion.zoom = b.zoom
        motion.zoomExponent = b.zoomExponent
        motion.rotation = b.rot
        motion.warp = b.warp
        motion.centerX = b.cx
        motion.centerY = b.cy
        motion.dx = b.dx
        motion.dy = b.dy
        motion.sx = b.sx
        motion.sy = b.sy
        decay = b.decay
        textureWrap = b.texWrap
        warpAnimSpeed = b.warpAnimSpeed
        warpScale = b.warpScale
        gamma = b.gammaAdj
        echoZoom = b.videoEchoZoom
        echoAlpha = b.videoEchoAlpha
        echoOrientation = b.videoEchoOrientation
        brighten = b.brighten
        darken = b.darken
        solarize = b.solarize
        invert = b.invert
        darkenCenter = b.darkenCenter
        hueShader = b.shader
        waveMode = b.waveMode
        waveX = b.waveX
        waveY = b.waveY
        waveColor = SIMD4(b.waveR, b.waveG, b.waveB, b.waveAlpha)
        waveScale = b.waveScale
        waveSmoothing = b.waveSmoothing
        waveMystery = b.waveParam
        additiveWave = b.additiveWaves
        waveDots = b.waveDots
        waveThick = b.waveThick
        maximizeWaveColor = b.maximizeWaveColor
        modulateWaveAlphaByVolume = b.modWaveAlphaByVolume
        modulateAlphaStart = b.modWaveAlphaStart
        modulateAlphaEnd = b.modWaveAlphaEnd
        outerBorderSize = b.obSize
        outerBorderColor = SIMD4(b.obR, b.obG, b.obB, b.obA)
        innerBorderSize = b.ibSize
        innerBorderColor = SIMD4(b.ibR, b.ibG, b.ibB, b.ibA)
        motionVectorsX = b.motionVectorsX
        motionVectorsY = b.motionVectorsY
        motionVectorsDX = b.mvDX
        motionVectorsDY = b.mvDY
        motionVectorsLength = b.mvL
        motionVectorsColor = SIMD4(b.mvR, b.mvG, b.mvB, b.mvA)
    }
}
