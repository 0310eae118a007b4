import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `aivj scan worker` child: jobs go in on its stdin, results come out of its descriptor 3.
///
/// It stays in the scan's process group, so killing the group kills the workers too; a worker whose parent
/// dies sees its stdin close and exits after the job in hand.
final class WorkerProcess {
    let pid: pid_t
    /// Write end of the worker's stdin.
    private(set) var input: Int32
    /// Read end of the worker's results.
    let output: Int32
    /// Bytes read that do not yet end in a newline.
    var pending: [UInt8] = []
    private var reaped = false

    init(executable: String, arguments: [String], environment: [String: String]) throws(LibraryScanError) {
        var jobs: [Int32] = [-1, -1]
        var results: [Int32] = [-1, -1]
        guard Self.closeOnExecPipe(&jobs) else { throw .workerStart(message: "pipe: \(String(cString: strerror(errno)))") }
        guard Self.closeOnExecPipe(&results) else {
            close(jobs[0]); close(jobs[1])
            throw .workerStart(message: "pipe: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, jobs[0], 0)
        posix_spawn_file_actions_adddup2(&actions, results[1], ScanWorker.resultDescriptor)
        // Whatever a library prints goes to stderr, so the scan's own stdout (e.g. --json) stays clean.
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(jobs[0])
        close(results[1])
        guard status == 0 else {
            close(jobs[1]); close(results[0])
            throw .workerStart(message: "\(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        input = jobs[1]
        output = results[0]
    }

    /// A pipe whose two ends close on exec (the spawn's dup2 gives the worker its own copies).
    private static func closeOnExecPipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Sends one line; false when the worker is gone.
    func send(_ line: String) -> Bool {
        guard input >= 0 else { return false }
        return DurableFile.writeAll(input, Data((line + "\n").utf8))
    }

    /// Closes the worker's stdin: it exits once idle.
    func closeInput() {
        if input >= 0 { close(input); input = -1 }
    }

    /// Reads what is available; nil at end of file (the worker is gone).
    func readAvailable() -> [String]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? [] : nil }
        if count == 0 { return nil }
        pending.append(contentsOf: buffer[0..<count])
        var lines: [String] = []
        while let newline = pending.firstIndex(of: 0x0A) {
            lines.append(String(decoding: pending[0..<newline], as: UTF8.self))
            pending.removeSubrange(0...newline)
        }
        return lines
    }

    /// Kills the worker at once.
    func kill() { _ = Glibc.kill(pid, SIGKILL) }

    /// Waits for the worker to end and says how: `exit N` or `signal N`.
    @discardableResult
    func wait() -> String {
        guard !reaped else { return "ended" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        let signal = status & 0x7f
        return signal == 0 ? "exit \((status >> 8) & 0xff)" : "signal \(signal)"
    }

    deinit {
        closeInput()
        close(output)
        if !reaped { kill(); wait() }
    }
}
