import Foundation

/// MilkDrop 2's spectrum analyser: 576 waveform samples at 8-bit scale, a Hann envelope over those
/// 576 samples, zero-padded to a 1024-point FFT, and the `-0.02·ln((512-k)/512)` equaliser on the
/// 512 output bins (vis_milk2 `fft.cpp`, `FFT::Init(576, 512)` with envelope power 1).
public final class MilkdropSpectrum {
    /// Input length: the waveform samples MilkDrop receives per frame.
    public static let samplesIn = 576
    /// Output bins (half of the 1024-point FFT).
    public static let bins = 512

    private let fft: RealFFT
    private let envelope: [Double]
    private let equalise: [Double]

    public init() throws(AudioAnalysisError) {
        fft = try RealFFT(size: 2 * Self.bins)
        envelope = Self.envelopeTable()
        equalise = Self.equaliserTable()
    }

    /// MilkDrop's bell envelope `0.5 + 0.5·sin(i·2π/576 − π/2)`, a periodic Hann window.
    public static func envelopeTable() -> [Double] {
        (0..<samplesIn).map { i in
            0.5 + 0.5 * sin(Double(i) * 2 * Double.pi / Double(samplesIn) - Double.pi / 2)
        }
    }

    /// MilkDrop's equaliser `-0.02·ln((512 − k)/512)`: 0 at DC, rising with frequency.
    public static func equaliserTable() -> [Double] {
        (0..<bins).map { k in -0.02 * log(Double(bins - k) / Double(bins)) }
    }

    /// The 0.5·(x[i] + x[i−1]) damping MilkDrop applies before the spectrum it gives waves
    /// (`AnalyzeNewSound`), with x[−1] taken as x[0].
    public static func damp(_ wave: [Float]) -> [Float] {
        var out = wave
        for i in wave.indices.dropFirst() { out[i] = 0.5 * (wave[i] + wave[i - 1]) }
        return out
    }

    /// The equalised magnitude spectrum (512 bins) of 576 waveform samples, oldest first.
    public func spectrum(of wave: [Float], damped: Bool) -> [Float] {
        precondition(wave.count == Self.samplesIn, "MilkdropSpectrum needs exactly 576 samples")
        let input = fft.input
        var previous = wave[0]
        for i in 0..<Self.samplesIn {
            let x = damped ? 0.5 * (wave[i] + previous) : wave[i]
            previous = wave[i]
            input[i] = Double(x) * envelope[i]
        }
        for i in Self.samplesIn..<input.count { input[i] = 0 }
        fft.execute()
        var out = [Float](repeating: 0, count: Self.bins)
        for k in 0..<Self.bins { out[k] = Float(equalise[k] * fft.magnitude(k)) }
        return out
    }
}
