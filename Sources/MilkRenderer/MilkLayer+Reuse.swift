extension MilkLayer {
    /// Starts the layer afresh — black feedback and output, no previous frame — so a new preset can reuse its
    /// GL objects. A show reuses layers rather than making new ones at every pair change because new programs
    /// cost a shader JIT on their first draw on llvmpipe (about 0.1 s, a visible hitch). The hue phases keep the
    /// seed the layer was made with.
    public func reset() {
        for buffer in feedback { buffer.clear() }
        output.clear()
        current = 0
        isFirstFrame = true
        lastCoordinates = []
    }
}
