import CFFTW
import Synchronization

/// FFTW's planner keeps global state and is not thread-safe (FFTW manual, "Thread safety"),
/// so plan creation and destruction are serialised; executing distinct plans needs no lock.
private let fftwPlannerLock = Mutex<Int>(0)

/// Carries a freshly made plan out of the planner lock; the plan is owned by one `RealFFT` afterwards.
private struct PlanHandle: @unchecked Sendable {
    let plan: fftw_plan?
}

/// A forward real-to-complex FFT of a fixed size, owning its FFTW plan and aligned buffers.
///
/// Fill `input`, call `execute()`, then read `real(bin)`/`imag(bin)` or `magnitude(bin)` for
/// bins `0...size/2`. Not shared between threads: one instance per analysing thread.
public final class RealFFT {
    /// The transform length (a power of two).
    public let size: Int
    /// The time-domain input, `size` doubles, 16-byte aligned by `fftw_malloc`.
    public let input: UnsafeMutableBufferPointer<Double>
    private let output: UnsafeMutablePointer<fftw_complex>
    private let plan: fftw_plan

    /// Allocates the buffers and plans the transform (FFTW_ESTIMATE: no timing runs, deterministic).
    public init(size: Int) throws(AudioAnalysisError) {
        guard size >= 2, size.nonzeroBitCount == 1, size <= 1 << 20 else {
            throw .invalidParameter(name: "FFT size", value: "\(size)", reason: "must be a power of two in 2...2^20")
        }
        self.size = size
        guard let rawIn = fftw_malloc(MemoryLayout<Double>.stride * size) else {
            throw .fftSetupFailed(size: size, reason: "fftw_malloc of the input failed")
        }
        guard let rawOut = fftw_malloc(MemoryLayout<fftw_complex>.stride * (size / 2 + 1)) else {
            fftw_free(rawIn)
            throw .fftSetupFailed(size: size, reason: "fftw_malloc of the output failed")
        }
        let inPtr = rawIn.bindMemory(to: Double.self, capacity: size)
        let outPtr = rawOut.bindMemory(to: fftw_complex.self, capacity: size / 2 + 1)
        // FFTW_ESTIMATE = 1U << 6 in fftw3.h; the macro is not imported as a constant.
        let estimate: UInt32 = 1 << 6
        let made = fftwPlannerLock.withLock { _ in
            PlanHandle(plan: fftw_plan_dft_r2c_1d(Int32(size), inPtr, outPtr, estimate))
        }.plan
        guard let made else {
            fftw_free(rawIn)
            fftw_free(rawOut)
            throw .fftSetupFailed(size: size, reason: "fftw_plan_dft_r2c_1d returned NULL")
        }
        plan = made
        input = UnsafeMutableBufferPointer(start: inPtr, count: size)
        input.initialize(repeating: 0)
        output = outPtr
    }

    deinit {
        fftwPlannerLock.withLock { _ in fftw_destroy_plan(plan) }
        fftw_free(input.baseAddress)
        fftw_free(output)
    }

    /// Transforms the current contents of `input`.
    public func execute() {
        fftw_execute(plan)
    }

    /// The real part of bin `k` (0...size/2) of the last transform.
    @inline(__always) public func real(_ k: Int) -> Double { output[k].0 }

    /// The imaginary part of bin `k` (0...size/2) of the last transform.
    @inline(__always) public func imag(_ k: Int) -> Double { output[k].1 }

    /// The magnitude of bin `k` (0...size/2) of the last transform.
    @inline(__always) public func magnitude(_ k: Int) -> Double {
        let c = output[k]
        return (c.0 * c.0 + c.1 * c.1).squareRoot()
    }
}
