import Foundation

/// Supplies one house's power (kW) for a window of steps. The engine asks for one block of steps (a day) for every
/// house at a time, so profiles are never materialised for all houses and the whole year at once.
///
/// This is also the seam for the PV model: the Solar glue provides a `PVShapeSource` (or any conformer) that turns
/// PV systems + weather into kW per step.
public protocol HouseProfileSource: Sendable {
    /// Writes kW for house `house` (index in `GridTopology.houseIndex` order) for steps `steps` into `buffer`
    /// (`buffer.count == steps.count`). Must be deterministic and independent of the order of calls.
    func fill(house: Int, steps: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>)

    /// Lends the source's own storage for `steps` (plus at least two readable values after them) when it keeps the
    /// series in memory, so the engine can read it without a copy; passes nil otherwise (the default).
    func withContiguousValues<R>(house: Int, steps: Range<Int>, _ body: (UnsafePointer<Double>?) throws -> R) rethrows -> R
}

extension HouseProfileSource {
    public func withContiguousValues<R>(house: Int, steps: Range<Int>, _ body: (UnsafePointer<Double>?) throws -> R) rethrows -> R {
        try body(nil)
    }
}

/// All zeros (no PV, or no load).
public struct ZeroProfileSource: HouseProfileSource {
    public init() {}
    public func fill(house: Int, steps: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
        buffer.update(repeating: 0)
    }
}

/// Externally supplied series, e.g. measured loads or PV from CSV: one array per house (nil = use `fallback`).
public struct ArrayProfileSource: HouseProfileSource {
    public let series: [[Double]?]
    public let fallback: any HouseProfileSource

    public init(series: [[Double]?], fallback: any HouseProfileSource = ZeroProfileSource()) {
        self.series = series
        self.fallback = fallback
    }

    public func fill(house: Int, steps: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
        guard house < series.count, let values = series[house] else {
            fallback.fill(house: house, steps: steps, into: buffer)
            return
        }
        precondition(steps.upperBound <= values.count, "house \(house): \(values.count) values, steps up to \(steps.upperBound) asked")
        values.withUnsafeBufferPointer { src in
            buffer.baseAddress!.update(from: src.baseAddress! + steps.lowerBound, count: steps.count)
        }
    }
}

/// A source defined by a closure, for callers with their own storage.
public struct ClosureProfileSource: HouseProfileSource {
    let body: @Sendable (Int, Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void

    public init(_ body: @escaping @Sendable (_ house: Int, _ steps: Range<Int>, _ buffer: UnsafeMutableBufferPointer<Double>) -> Void) {
        self.body = body
    }

    public func fill(house: Int, steps: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
        body(house, steps, buffer)
    }
}

/// Every house's series in one contiguous house-major matrix (`values[house * stepCount + step]`), e.g. measured
/// loads for a whole community; a window is one `memcpy`.
public struct MatrixProfileSource: HouseProfileSource {
    public let values: [Double]
    public let stepCount: Int

    public init(values: [Double], stepCount: Int) {
        precondition(stepCount > 0 && values.count % stepCount == 0, "matrix of \(values.count) values is not a whole number of rows of \(stepCount)")
        self.values = values
        self.stepCount = stepCount
    }

    public func withContiguousValues<R>(house: Int, steps: Range<Int>, _ body: (UnsafePointer<Double>?) throws -> R) rethrows -> R {
        let end = house * stepCount + steps.upperBound
        // The engine reads whole SIMD chunks, up to two values past the window; lend only when those exist.
        guard steps.upperBound <= stepCount, end + 2 <= values.count else { return try body(nil) }
        return try values.withUnsafeBufferPointer { try body($0.baseAddress! + house * stepCount + steps.lowerBound) }
    }

    public func fill(house: Int, steps: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
        precondition(steps.upperBound <= stepCount && (house + 1) * stepCount <= values.count, "house \(house), steps \(steps) outside the matrix")
        values.withUnsafeBufferPointer { src in
            buffer.baseAddress!.update(from: src.baseAddress! + house * stepCount + steps.lowerBound, count: steps.count)
        }
    }
}
