import Dispatch
import Foundation

/// Parsed rows in manually managed, growable memory: storing a value is a single write with no per-value
/// uniqueness check, and growth uses `realloc` (which can remap large blocks instead of copying). The reader
/// keeps value semantics by copying the store when it is shared, once per input chunk. (Transparent huge pages
/// were tried: faster at best, but on this virtual machine a run now and then waited on fresh host memory.)
final class ColumnStore: @unchecked Sendable {
    let width: Int
    private(set) var count = 0
    private(set) var capacity = 0
    private var timestamps: UnsafeMutablePointer<Int64>?
    private var columns: [UnsafeMutablePointer<Double>?]

    init(width: Int) {
        self.width = width
        columns = Array(repeating: nil, count: width)
    }

    deinit {
        free(timestamps)
        for c in columns { free(c) }
    }

    func reserve(_ n: Int) {
        guard n > capacity else { return }
        timestamps = realloc(timestamps, n * MemoryLayout<Int64>.stride)?.assumingMemoryBound(to: Int64.self)
        for k in 0..<width {
            columns[k] = realloc(columns[k], n * MemoryLayout<Double>.stride)?.assumingMemoryBound(to: Double.self)
        }
        precondition(timestamps != nil && columns.allSatisfy { $0 != nil }, "out of memory for \(n) rows")
        capacity = n
    }

    /// Makes room for the row being built at index `count`.
    @inline(__always)
    func ensureRoom() {
        if count == capacity { reserve(max(4096, capacity * 2)) }
    }

    /// Sets column `k` of the row being built (after ``ensureRoom()``).
    @inline(__always)
    func set(_ k: Int, _ v: Double) { columns[k].unsafelyUnwrapped[count] = v }

    /// Completes the row being built.
    @inline(__always)
    func commit(_ t: Int64) {
        timestamps.unsafelyUnwrapped[count] = t
        count += 1
    }

    /// Forgets the rows and keeps the memory.
    func removeAll() { count = 0 }

    /// The first row's timestamp (only when `count > 0`).
    var firstTimestamp: Int64 { timestamps.unsafelyUnwrapped[0] }

    /// Appends every row of `other` (same width). Many rows are copied by two threads, half each: the copy
    /// writes fresh memory, so page faults dominate it, and the second core is idle at this point of a read.
    func append(_ other: ColumnStore) {
        precondition(other.width == width)
        let n = other.count
        guard n > 0 else { return }
        if count + n > capacity { reserve(max(count + n, capacity * 2)) }
        let start = count
        if n < Self.splitCopyRows {
            copyRows(0..<n, from: other, to: start)
        } else {
            DispatchQueue.concurrentPerform(iterations: 2) { h in
                let rows = h == 0 ? 0..<n / 2 : n / 2..<n
                self.copyRows(rows, from: other, to: start + rows.lowerBound)
            }
        }
        count += n
    }

    /// Below this many rows one thread copies: a small copy is not worth waking a second thread.
    static let splitCopyRows = 2048

    private func copyRows(_ rows: Range<Int>, from other: ColumnStore, to index: Int) {
        (timestamps.unsafelyUnwrapped + index).update(from: other.timestamps.unsafelyUnwrapped + rows.lowerBound, count: rows.count)
        for k in 0..<width {
            (columns[k].unsafelyUnwrapped + index).update(from: other.columns[k].unsafelyUnwrapped + rows.lowerBound, count: rows.count)
        }
    }

    func copy() -> ColumnStore {
        let other = ColumnStore(width: width)
        other.reserve(capacity)
        if count > 0 {
            other.timestamps!.update(from: timestamps!, count: count)
            for k in 0..<width { other.columns[k]!.update(from: columns[k]!, count: count) }
        }
        other.count = count
        return other
    }

    /// The timestamps read so far (valid while the store lives and is not changed).
    var timestampBuffer: UnsafeBufferPointer<Int64> { UnsafeBufferPointer(start: timestamps, count: count) }

    /// Column `k` read so far (valid while the store lives and is not changed).
    func columnBuffer(_ k: Int) -> UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: columns[k], count: count) }

    /// A new store with the rows at `rows`, in that order.
    func gathering(_ rows: [Int]) -> ColumnStore {
        let other = ColumnStore(width: width)
        other.reserve(rows.count)
        for (i, r) in rows.enumerated() { other.timestamps.unsafelyUnwrapped[i] = timestamps.unsafelyUnwrapped[r] }
        for k in 0..<width {
            let from = columns[k].unsafelyUnwrapped
            let to = other.columns[k].unsafelyUnwrapped
            for (i, r) in rows.enumerated() { to[i] = from[r] }
        }
        other.count = rows.count
        return other
    }
}
