import Dispatch
import Foundation
import Synchronization

/// Reads a file in fixed-size chunks on its own thread, one chunk ahead of the consumer: the `read(2)` copy
/// of the next chunk runs while the current one is parsed instead of between chunks (where the second parsing
/// core would wait for it). Two buffers, no allocation per chunk.
final class ChunkPrefetcher: @unchecked Sendable {
    private let fd: Int32
    private let buffers: [UnsafeMutableRawBufferPointer]
    /// Bytes read into each buffer, or -errno.
    private var sizes: [Int]
    /// Buffers the reader may fill. Starts at 0 and is signalled once per buffer: libdispatch traps when a
    /// semaphore dies below its initial value, which a stopped reader can leave it at.
    private let free = DispatchSemaphore(value: 0)
    private let filled = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let stopped = Atomic(false)
    private var next = 0
    private var holding = false
    private var closed = false

    init(fd: Int32, chunkSize: Int) {
        self.fd = fd
        buffers = (0..<2).map { _ in .allocate(byteCount: max(1, chunkSize), alignment: 16) }
        sizes = [0, 0]
        for _ in buffers { free.signal() }
        DispatchQueue.global(qos: .userInitiated).async { self.readAhead() }
    }

    deinit { close() }

    /// The next chunk (valid until the next call), or nil at the end of the file. Hands the previous chunk back.
    func nextChunk() throws -> UnsafeRawBufferPointer? {
        if holding {
            holding = false
            free.signal()
        }
        filled.wait()
        let i = next
        next = (next + 1) % buffers.count
        let n = sizes[i]
        if n < 0 { throw POSIXError(POSIXErrorCode(rawValue: Int32(-n)) ?? .EIO) }
        if n == 0 { return nil }
        holding = true
        return UnsafeRawBufferPointer(rebasing: buffers[i][0..<n])
    }

    /// Stops the reading thread, waits for it and frees the buffers (idempotent).
    func close() {
        guard !closed else { return }
        closed = true
        stopped.store(true, ordering: .releasing)
        free.signal()
        done.wait()
        for b in buffers { b.deallocate() }
    }

    private func readAhead() {
        defer { done.signal() }
        var i = 0
        while true {
            free.wait()
            if stopped.load(ordering: .acquiring) { return }
            var n: Int
            repeat { n = read(fd, buffers[i].baseAddress, buffers[i].count) } while n < 0 && errno == EINTR
            sizes[i] = n < 0 ? -Int(errno) : n
            filled.signal()
            if n <= 0 { return }
            i = (i + 1) % buffers.count
        }
    }
}
