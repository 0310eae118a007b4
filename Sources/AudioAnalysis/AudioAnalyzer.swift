import Foundation

/// Turns each video frame's new samples into a `FrameAudio`: MilkDrop levels, waveform, spectrum,
/// the 0..1 features and beats. Owns the FFT plans; all other state is in value types.
///
/// Onsets are computed on a fixed hop (512 samples, 1024-sample Hann window on the mono mix) independent
/// of the frame rate, so the beat tracker behaves the same at 30 or 144 fps.
public final class AudioAnalyzer {
    /// Onset hop and window, in samples.
    public static let hopSize = 512
    public static let onsetWindow = 2048
    /// Samples by which an onset's hop trails the onset itself (calibrated on click tracks; see tests).
    public static let onsetLatency = 760.0

    public let sampleRate: Int
    public let fps: Double
    private let milkdrop: MilkdropSpectrum
    private let onsetFFT: RealFFT
    private let onsetWindowTable: [Double]
    private var left: SampleHistory
    private var right: SampleHistory
    private var nextHopEnd = AudioAnalyzer.hopSize
    private var bands = MilkdropBands()
    private var alignLeft = WaveformAligner()
    private var alignRight = WaveformAligner()
    private var flux: SpectralFlux
    private var tracker: BeatTracker
    private var levels = LevelFeatures()
    private var frame = 0
    private var lastBeatTime: Double?
    private var magnitudes: [Float]
    private var monoScratch: [Float]
    private var mono: SampleHistory
    private var monoChunk: [Float] = []
    private var waveScratch: [Float]

    /// - Parameters: sampleRate: of the incoming samples (8 kHz … 192 kHz); fps: video frame rate.
    public init(sampleRate: Int, fps: Double, tracker: BeatTrackerConfiguration = .init()) throws(AudioAnalysisError) {
        guard (8000...192_000).contains(sampleRate) else {
            throw .invalidParameter(name: "sample rate", value: "\(sampleRate)", reason: "must be 8000…192000 Hz")
        }
        guard fps.isFinite, fps >= 1, fps <= 1000 else {
            throw .invalidParameter(name: "fps", value: "\(fps)", reason: "must be 1…1000")
        }
        self.sampleRate = sampleRate
        self.fps = fps
        milkdrop = try MilkdropSpectrum()
        onsetFFT = try RealFFT(size: Self.onsetWindow)
        onsetWindowTable = (0..<Self.onsetWindow).map { i in 0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(Self.onsetWindow)) }
        left = SampleHistory(capacity: 8192)
        right = SampleHistory(capacity: 8192)
        flux = SpectralFlux(bins: Self.onsetWindow / 2, sampleRate: sampleRate, fftSize: Self.onsetWindow)
        self.tracker = BeatTracker(hopRate: Double(sampleRate) / Double(Self.hopSize), configuration: tracker)
        magnitudes = [Float](repeating: 0, count: Self.onsetWindow / 2)
        monoScratch = [Float](repeating: 0, count: Self.onsetWindow)
        mono = SampleHistory(capacity: 8192)
        waveScratch = [Float](repeating: 0, count: MilkdropSpectrum.samplesIn)
    }

    /// The time (s) of a hop position as the beat tracker sees it, corrected for the onset latency.
    private func hopTime(_ h: Double) -> Double {
        ((h + 1) * Double(Self.hopSize) - Self.onsetLatency) / Double(sampleRate)
    }

    /// Analyses one frame. `left`/`right` are the frame's new samples in −1…1 (pass the same
    /// array twice for mono); `fallback` marks frames the source filled with silence.
    public func analyze(left newLeft: [Float], right newRight: [Float], fallback: Bool = false) -> FrameAudio {
        let count = min(newLeft.count, newRight.count)
        var onsets: [Float] = []
        var beats: [Double] = []
        var sumSquares: Double = 0
        var offset = 0
        while offset < count {
            let chunk = min(4096, count - offset)
            newLeft.withUnsafeBufferPointer { l in
                left.append(UnsafeBufferPointer(rebasing: l[offset..<(offset + chunk)]))
                for s in l[offset..<(offset + chunk)] { sumSquares += Double(s) * Double(s) }
            }
            newRight.withUnsafeBufferPointer { r in
                right.append(UnsafeBufferPointer(rebasing: r[offset..<(offset + chunk)]))
            }
            // The onset analysis reads the mono mix; mixing once here is cheaper than per
            // (4× overlapping) window.
            if monoChunk.count < chunk { monoChunk = [Float](repeating: 0, count: chunk) }
            monoChunk.withUnsafeMutableBufferPointer { m in
                newLeft.withUnsafeBufferPointer { l in
                    newRight.withUnsafeBufferPointer { r in
                        for j in 0..<chunk { m[j] = 0.5 * (l[offset + j] + r[offset + j]) }
                    }
                }
                mono.append(UnsafeBufferPointer(rebasing: m[0..<chunk]))
            }
            offset += chunk
            while nextHopEnd <= left.total {
                let (onset, loud) = processHop(endingBefore: nextHopEnd)
                onsets.append(onset)
                if let b = tracker.push(onset: onset, loud: loud) { beats.append(hopTime(b)) }
                nextHopEnd += Self.hopSize
            }
        }
        let rms = count > 0 ? Float((sumSquares / Double(count)).squareRoot()) : 0

        // MilkDrop: the newest 576 samples at 8-bit scale.
        let waveL = newestWave(left)
        let waveR = newestWave(right)
        let levelsOut = bands.update(spectrum: milkdrop.spectrum(of: waveL, damped: false), frame: frame, fps: fps)
        let specL = milkdrop.spectrum(of: waveL, damped: true)
        let specR = milkdrop.spectrum(of: waveR, damped: true)

        let time = Double(frame) / fps
        if let b = beats.last { lastBeatTime = b }
        var pulse: Float = 0
        if let last = lastBeatTime, tracker.bpm > 0 {
            let x = max(0, 1 - (time + 1 / fps - last) * tracker.bpm / 60)
            pulse = beats.isEmpty ? Float(x * x) : 1
        }
        let seed = levels.update(rms: rms, onsets: onsets, beatPulse01: pulse, dt: 1 / fps)
        defer { frame += 1 }
        return FrameAudio(
            frame: frame, time: time, levels: levelsOut,
            waveformLeft: alignLeft.align(waveL), waveformRight: alignRight.align(waveR),
            spectrumLeft: specL, spectrumRight: specR,
            energy01: seed.energy01, accent01: seed.accent01, beatPulse01: pulse, intensity01: seed.intensity01,
            bpm: tracker.bpm, beatPhase: tracker.phase, tempoLocked: tracker.locked,
            beats: beats, rmsDB: seed.rmsDB, inputFallback: fallback)
    }

    private func newestWave(_ history: SampleHistory) -> [Float] {
        waveScratch.withUnsafeMutableBufferPointer { w in
            history.copy(count: MilkdropSpectrum.samplesIn, endingBefore: history.total, into: w.baseAddress!)
        }
        return waveScratch.map { $0 * 128 }
    }

    /// Onset strength and loudness flag of the hop whose window ends before sample `end`.
    private func processHop(endingBefore end: Int) -> (Float, Bool) {
        let n = Self.onsetWindow
        var hopEnergy: Float = 0
        let input = onsetFFT.input
        monoScratch.withUnsafeMutableBufferPointer { m in
            mono.copy(count: n, endingBefore: end, into: m.baseAddress!)
            onsetWindowTable.withUnsafeBufferPointer { w in
                for i in 0..<n { input[i] = Double(m[i]) * w[i] }
                for i in (n - Self.hopSize)..<n { hopEnergy += m[i] * m[i] }
            }
        }
        onsetFFT.execute()
        // A full-scale sine through a Hann window peaks at n/4.
        let norm = 4.0 / Double(n)
        let used = flux.usedBins
        magnitudes.withUnsafeMutableBufferPointer { m in
            for k in 0..<used { m[k] = Float(onsetFFT.magnitude(k) * norm) }
        }
        let onset = magnitudes.withUnsafeBufferPointer { flux.push($0) }
        let rms = (hopEnergy / Float(Self.hopSize)).squareRoot()
        return (onset, rms >= LevelFeatures.silenceRMS)
    }
}
