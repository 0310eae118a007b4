extension BaseValues {
    /// The per-frame variables MilkDrop 2 sets from these values before each run of per_frame code
    /// (`CPlugin::RunPerFrameEquations` in milkdropfs.cpp), by their expression-language names, in MilkDrop's order.
    /// Booleans are 0 or 1. The variables MilkDrop sets from elsewhere (time, fps, bass, q1…q32, meshx, aspectx …)
    /// are not here.
    public var perFrameVariables: [(name: String, value: Double)] {
        func d(_ value: Float) -> Double { Double(value) }
        func d(_ value: Int) -> Double { Double(value) }
        func d(_ value: Bool) -> Double { value ? 1 : 0 }
        return [
            ("zoom", d(zoom)), ("zoomexp", d(zoomExponent)), ("rot", d(rot)), ("warp", d(warp)),
            ("cx", d(cx)), ("cy", d(cy)), ("dx", d(dx)), ("dy", d(dy)), ("sx", d(sx)), ("sy", d(sy)),
            ("decay", d(decay)), ("wave_a", d(waveAlpha)), ("wave_r", d(waveR)), ("wave_g", d(waveG)),
            ("wave_b", d(waveB)), ("wave_x", d(waveX)), ("wave_y", d(waveY)), ("wave_mystery", d(waveParam)),
            ("wave_mode", d(waveMode)),
            ("ob_size", d(obSize)), ("ob_r", d(obR)), ("ob_g", d(obG)), ("ob_b", d(obB)), ("ob_a", d(obA)),
            ("ib_size", d(ibSize)), ("ib_r", d(ibR)), ("ib_g", d(ibG)), ("ib_b", d(ibB)), ("ib_a", d(ibA)),
            ("mv_x", d(motionVectorsX)), ("mv_y", d(motionVectorsY)), ("mv_dx", d(mvDX)), ("mv_dy", d(mvDY)),
            ("mv_l", d(mvL)), ("mv_r", d(mvR)), ("mv_g", d(mvG)), ("mv_b", d(mvB)), ("mv_a", d(mvA)),
            ("echo_zoom", d(videoEchoZoom)), ("echo_alpha", d(videoEchoAlpha)), ("echo_orient", d(videoEchoOrientation)),
            ("wave_usedots", d(waveDots)), ("wave_thick", d(waveThick)), ("wave_additive", d(additiveWaves)),
            ("wave_brighten", d(maximizeWaveColor)), ("darken_center", d(darkenCenter)), ("gamma", d(gammaAdj)),
            ("wrap", d(texWrap)), ("invert", d(invert)), ("brighten", d(brighten)), ("darken", d(darken)),
            ("solarize", d(solarize)),
            ("blur1_min", d(blur1Min)), ("blur2_min", d(blur2Min)), ("blur3_min", d(blur3Min)),
            ("blur1_max", d(blur1Max)), ("blur2_max", d(blur2Max)), ("blur3_max", d(blur3Max)),
            ("blur1_edge_darken", d(blur1EdgeDarken)),
        ]
    }
}
