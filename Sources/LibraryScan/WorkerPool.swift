import Foundation
import MilkPreset
import ScanFormat
#if canImport(Glibc)
import Glibc
#endif

/// Runs jobs on `jobs` worker processes: kills an attempt at the time limit, retries timeouts and crashes,
/// replaces each worker after `refreshEvery` presets.
struct WorkerPool {
    let options: ScanOptions
    let setup: WorkerSetup

    private struct Job {
        var item: ScanItem
        var attempts = 0
    }

    private final class Slot {
        var worker: WorkerProcess?
        var job: Job?
        var started = ContinuousClock.now
        var served = 0
    }

    /// Crashes in a row, with no success between them, after which the workers themselves are taken to be broken.
    static let crashLimit = 25

    /// Renders every item once (plus retries) and hands each final outcome to `commit` with its attempt count.
    mutating func run(_ items: [ScanItem], commit: (PresetOutcome, Int) throws(LibraryScanError) -> Void,
                      tick: () -> Void) throws(LibraryScanError) {
        signal(SIGPIPE, SIG_IGN)
        var environment = ProcessInfo.processInfo.environment.merging(options.workerEnvironment) { $1 }
        if let nice = ThreadNice.process(), nice > 0 {
            ThreadNice.apply(nice)
            environment[ThreadNice.variable] = String(nice)
        }
        let slots = (0..<options.jobs).map { _ in Slot() }
        var next = 0
        var retries: [Job] = []
        var crashesInARow = 0
        let setupLine: String
        do { setupLine = try ScanJSON.line(setup) } catch { throw .workerStart(message: "cannot encode the setup") }
        let timeout = Duration.milliseconds(setup.parameters.timeoutMs)

        func nextJob() -> Job? {
            if !retries.isEmpty { return retries.removeFirst() }
            guard next < items.count else { return nil }
            defer { next += 1 }
            return Job(item: items[next])
        }
        func retire(_ slot: Slot) {
            slot.worker?.closeInput()
            slot.worker?.wait()
            slot.worker = nil
            slot.served = 0
        }
        func failed(_ job: Job, _ reason: ScanReason, _ detail: String) throws(LibraryScanError) {
            if reason == .crash {
                crashesInARow += 1
                if crashesInARow > Self.crashLimit {
                    throw .workerStart(message: "\(crashesInARow) worker crashes in a row (last: \(detail))")
                }
            }
            if job.attempts <= setup.parameters.retries {
                retries.append(job)
                return
            }
            let id = (try? Data(contentsOf: URL(fileURLWithPath: job.item.file))).map { FNV1a64.hex(of: $0) }
            let outcome = PresetOutcome(path: job.item.path, id: id, failure: reason,
                                        detail: "\(job.item.path): \(detail) (\(job.attempts) attempts)")
            try commit(outcome, job.attempts)
        }

        while true {
            for slot in slots where slot.job == nil {
                if slot.worker != nil, slot.served >= setup.parameters.refreshEvery { retire(slot) }
                guard var job = nextJob() else {
                    if slot.worker != nil { retire(slot) }
                    continue
                }
                if slot.worker == nil {
                    let worker = try WorkerProcess(executable: options.executable, arguments: options.workerArguments,
                                                   environment: environment)
                    slot.worker = worker
                    _ = worker.send(setupLine)
                }
                guard let worker = slot.worker, let line = try? ScanJSON.line(job.item), worker.send(line) else {
                    slot.worker?.kill()
                    retire(slot)
                    job.attempts += 1
                    try failed(job, .crash, "the worker would not take the job")
                    continue
                }
                job.attempts += 1
                slot.job = job
                slot.started = ContinuousClock.now
            }
            let busy = slots.filter { $0.job != nil && $0.worker != nil }
            if busy.isEmpty { break }

            let now = ContinuousClock.now
            let nearest = busy.map { $0.started + timeout - now }.min() ?? .milliseconds(500)
            let wait = max(0, min(500, Int(nearest.components.seconds * 1000 + nearest.components.attoseconds / 1_000_000_000_000_000)))
            var fds = busy.map { pollfd(fd: $0.worker?.output ?? -1, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(wait))
            if ready < 0 && errno != EINTR { throw .workerStart(message: "poll: \(String(cString: strerror(errno)))") }

            for (slot, fd) in zip(busy, fds) where fd.revents != 0 {
                guard let worker = slot.worker, let job = slot.job else { continue }
                guard let lines = worker.readAvailable() else {
                    let how = worker.wait()
                    slot.worker = nil
                    slot.job = nil
                    slot.served = 0
                    try failed(job, .crash, "the worker died (\(how))")
                    continue
                }
                for line in lines {
                    guard let outcome = try? ScanJSON.decode(PresetOutcome.self, from: Data(line.utf8)),
                          outcome.path == job.item.path, slot.job != nil else { continue }
                    slot.job = nil
                    slot.served += 1
                    crashesInARow = 0
                    try commit(outcome, job.attempts)
                }
            }
            let after = ContinuousClock.now
            for slot in busy where slot.job != nil && after - slot.started >= timeout {
                guard let job = slot.job else { continue }
                slot.worker?.kill()
                retire(slot)
                slot.job = nil
                try failed(job, .timeout, "no result within \(setup.parameters.timeoutMs) ms")
            }
            tick()
        }
    }
}
