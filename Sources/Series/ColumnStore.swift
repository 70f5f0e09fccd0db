import Foundation

/// Parsed rows in manually managed, growable memory: storing a value is a single write with no per-value
/// uniqueness check, and growth uses `realloc` (which can remap large blocks instead of copying). The reader
/// keeps value semantics by copying the store when it is shared, once per input chunk.
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

    /// Appends every row of `other` (same width).
    func append(_ other: ColumnStore) {
        precondition(other.width == width)
        guard other.count > 0 else { return }
        if count + other.count > capacity { reserve(max(count + other.count, capacity * 2)) }
        (timestamps.unsafelyUnwrapped + count).update(from: other.timestamps.unsafelyUnwrapped, count: other.count)
        for k in 0..<width {
            (columns[k].unsafelyUnwrapped + count).update(from: other.columns[k].unsafelyUnwrapped, count: other.count)
        }
        count += other.count
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

    /// Moves the rows into arrays and releases the store's memory: the timestamps and each column are copied on
    /// all cores, and each source is freed as soon as its copy is made, so the peak stays near the store's size
    /// plus one column per core (a 100 MB import moves 90 MB here).
    func takeArrays() -> (timestamps: [Int64], columns: [[Double]]) {
        let rows = count
        nonisolated(unsafe) let timeSource = timestamps
        nonisolated(unsafe) let columnSources = columns
        timestamps = nil
        columns = Array(repeating: nil, count: width)
        count = 0
        capacity = 0
        var times: [Int64] = []
        var values = [[Double]](repeating: [], count: width)
        withUnsafeMutablePointer(to: &times) { timeSlot in
            values.withUnsafeMutableBufferPointer { columnSlots in
                nonisolated(unsafe) let timeOut = timeSlot
                nonisolated(unsafe) let columnsOut = columnSlots
                DispatchQueue.concurrentPerform(iterations: width + 1) { k in
                    if k == 0 {
                        timeOut.pointee = Self.move(timeSource, rows)
                    } else {
                        columnsOut[k - 1] = Self.move(columnSources[k - 1], rows)
                    }
                }
            }
        }
        return (times, values)
    }

    /// Copies `rows` values into an array and frees the source.
    private static func move<T>(_ source: UnsafeMutablePointer<T>?, _ rows: Int) -> [T] {
        defer { free(source) }
        guard let source, rows > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: source, count: rows))
    }
}
