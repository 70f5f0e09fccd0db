/// The untyped cells of a sheet's data rows, laid out flat (one byte buffer, one end offset per
/// cell) so that 12,000 rows × 150 columns cost two allocations rather than 1.8 million strings.
/// Both the CSV and the xlsx readers fill one; typing happens afterwards, in one row-major pass.
struct RawGrid: Sendable {
    let columnCount: Int
    private(set) var bytes: [UInt8] = []
    private(set) var cellEnds: [Int] = []
    private(set) var lines: [Int] = []

    init(columnCount: Int, expectedBytes: Int = 0) {
        self.columnCount = columnCount
        bytes.reserveCapacity(expectedBytes)
    }

    var rowCount: Int { lines.count }

    /// All cell bytes and cell end offsets, for tight loops.
    func withCells<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { b in try cellEnds.withUnsafeBufferPointer { e in try body(b, e) } }
    }

    /// Appends a row whose fields lie end to end in `fieldBytes`, field `i` ending at `fieldEnds[i]`
    /// (a tokenizer record): one copy for the whole row.
    mutating func appendRow(line: Int, fieldBytes: ArraySlice<UInt8>, fieldEnds: [Int]) {
        let base = bytes.count
        let n = min(fieldEnds.count, columnCount)
        let first = fieldBytes.startIndex
        bytes.append(contentsOf: fieldBytes[first..<(first + (n == 0 ? 0 : fieldEnds[n - 1]))])
        for i in 0..<n { cellEnds.append(base + fieldEnds[i]) }
        for _ in n..<columnCount { cellEnds.append(bytes.count) }
        lines.append(line)
    }

    @inline(__always)
    func range(row: Int, column: Int) -> Range<Int> {
        let k = row * columnCount + column
        return (k == 0 ? 0 : cellEnds[k - 1])..<cellEnds[k]
    }
}
