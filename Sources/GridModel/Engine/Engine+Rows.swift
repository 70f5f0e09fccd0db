import Foundation

/// Doubles processed at once along a row. Two, because the baseline x86-64 target has 16 two-double SSE registers
/// and the settle loop keeps about ten accumulators live: wider vectors spill. Rows have four doubles of padding, so
/// a chunk that starts inside a row can always be loaded whole; lanes past the end of a segment are masked out.
typealias Lanes = SIMD2<Double>
let laneWidth = Lanes.scalarCount

extension UnsafeMutablePointer where Pointee == Double {
    @inline(__always) func lanes(_ k: Int) -> Lanes { UnsafeRawPointer(self + k).loadUnaligned(as: Lanes.self) }
    @inline(__always) func setLanes(_ k: Int, _ v: Lanes) { UnsafeMutableRawPointer(self + k).storeBytes(of: v, as: Lanes.self) }
    /// `self[k..<k+4] += v`.
    @inline(__always) func addLanes(_ k: Int, _ v: Lanes) { setLanes(k, lanes(k) + v) }
}

// Blends rather than the generic `pointwiseMin/Max`, which the optimiser does not always inline.
@inline(__always) func vmin<V: SIMD>(_ a: V, _ b: V) -> V where V.Scalar == Double { a.replacing(with: b, where: b .< a) }
@inline(__always) func vmax<V: SIMD>(_ a: V, _ b: V) -> V where V.Scalar == Double { a.replacing(with: b, where: b .> a) }

/// The lanes of a chunk starting at `k` that lie before `end`.
@inline(__always) func chunkMask(_ k: Int, _ end: Int) -> SIMDMask<SIMD2<Int64>> {
    SIMD2<Int64>(0, 1) .< SIMD2<Int64>(repeating: Int64(end - k))
}

/// Sum of the lanes in a fixed order, so results are bit-identical from run to run.
@inline(__always) func laneSum(_ v: Lanes) -> Double { v[0] + v[1] }

@inline(__always) func laneMax(_ v: Lanes) -> Double { Swift.max(v[0], v[1]) }

/// Lane mask of a partial chunk; `nil` for a whole chunk.
typealias ChunkMask = SIMDMask<SIMD2<Int64>>?

/// Calls `body` for each chunk of `range`: whole chunks with a `nil` mask (no masking work), then at most one
/// partial chunk with the mask of its lanes inside the range.
@inline(__always)
func forChunks(_ range: Range<Int>, _ body: (Int, ChunkMask) -> Void) {
    var k = range.lowerBound
    let whole = range.lowerBound + (range.count / laneWidth) * laneWidth
    while k < whole {
        body(k, nil)
        k += laneWidth
    }
    if k < range.upperBound { body(k, chunkMask(k, range.upperBound)) }
}

extension SIMD2 where Scalar == Double {
    /// Lanes outside the mask set to zero.
    @inline(__always) func kept(_ mask: ChunkMask) -> Self {
        guard let mask else { return self }
        return replacing(with: 0, where: .!mask)
    }
}

extension UnsafeMutablePointer where Pointee == Double {
    /// Stores the lanes inside the mask.
    @inline(__always) func store(_ k: Int, _ v: Lanes, _ mask: ChunkMask) {
        guard let mask else { return setLanes(k, v) }
        for j in 0..<laneWidth where mask[j] { self[k + j] = v[j] }
    }
}
