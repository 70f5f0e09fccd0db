import Dispatch
import Foundation

/// Plain rows are read on two cores: a chunk of input is split at a line break near its middle, and a copy of
/// the reader with its own column store reads the second half through the fast path while this reader reads the
/// first half (through the fast path and, for unusual rows, the general one). The second half's rows are then
/// appended exactly as if they had been read in order: the reader's state that plain rows touch (row and line
/// counts, the last timestamp, whether sorting is needed) is summed or carried over. Where the copy meets a row
/// the fast path declines (a bad value, a DST-ambiguous time, a quote), it stops, and the reader goes on from
/// there in order, so messages, rules and line numbers are those of a sequential read.
extension CSVReader {
    /// Chunks smaller than this are read on one core: the hand-off would cost more than it saves.
    static let parallelMinimumBytes = 128 << 10

    /// The second half of a chunk, read by another thread.
    final class SecondHalf: @unchecked Sendable {
        /// The first byte of the half (just after a line break), and where its reader stopped.
        let start: Int
        private(set) var stop: Int
        private(set) var reader: CSVReader
        private let finished = DispatchSemaphore(value: 0)
        private var joined = false

        init(reader: CSVReader, start: Int) {
            self.reader = reader
            self.start = start
            self.stop = start
        }

        func read(_ p: UnsafePointer<UInt8>, to end: Int) {
            // A local copy: calling the mutating fast path on a class property would check exclusivity per row.
            var local = reader
            var i = start
            while i < end, let next = local.fastRow(p, i, end) { i = next }
            reader = local
            stop = i
            finished.signal()
        }

        /// Waits for the worker (idempotent; called on the reader's thread only).
        func join() {
            guard !joined else { return }
            finished.wait()
            joined = true
        }
    }

    /// Starts reading the second half of `p[start..<end]` on another thread, when the reader is on plain rows,
    /// the chunk is large, and no quote in it can hide a line break inside a cell (so every line break after
    /// `start`, which is a record boundary, ends a record). Returns nil to read the chunk on this thread.
    /// `nextQuote` caches where the next quote is (-1: not searched yet), so that asking after every row the
    /// general path read costs one pass over the chunk in all.
    mutating func startSecondHalf(
        _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, nextQuote: inout Int
    ) -> SecondHalf? {
        guard parallelRead, fastPathReady, end - start >= Self.parallelMinimumBytes else { return nil }
        if nextQuote < start {
            let found = memchr(p + start, Int32(UInt8(ascii: "\"")), end - start)
            nextQuote = found.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) - p } ?? end
        }
        guard nextQuote >= end else { return nil }
        let middle = start + (end - start) / 2
        guard let newline = memchr(p + middle, 10, end - middle) else { return nil }
        let split = UnsafeRawPointer(newline).assumingMemoryBound(to: UInt8.self) - p + 1
        guard split < end else { return nil }

        var copy = self
        // The second half's store is reused from chunk to chunk: fresh memory each time would page-fault anew.
        // (A copy of this reader made by its user must not share it.)
        if spareStore?.width != store.width || !isKnownUniquelyReferenced(&spareStore!) {
            spareStore = ColumnStore(width: store.width)
        }
        copy.store = spareStore!
        copy.store.removeAll()
        copy.lastTimestamp = .min
        copy.needsSorting = false
        let half = SecondHalf(reader: copy, start: split)
        let input = SendablePointer(p)
        DispatchQueue.global(qos: .userInitiated).async { half.read(input.pointer, to: end) }
        return half
    }

    /// Appends the rows the second half read, as if this reader had read them in order.
    mutating func append(_ half: SecondHalf) {
        let rows = half.reader.store
        let n = rows.count
        guard n > 0 else { return }
        rowsReadInParallel += n
        if half.reader.needsSorting || rows.firstTimestamp <= lastTimestamp { needsSorting = true }
        lastTimestamp = half.reader.lastTimestamp
        store.append(rows)
        rows.removeAll()
        row += n
        line += n
        report.dataRows += n
        report.importedRows += n
    }
}

/// A pointer handed to the worker thread; the reader joins the worker before the memory can go away.
private struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafePointer<UInt8>
    init(_ pointer: UnsafePointer<UInt8>) { self.pointer = pointer }
}
