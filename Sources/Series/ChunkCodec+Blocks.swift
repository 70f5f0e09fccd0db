import Foundation

/// One storage chunk: the block it belongs to, its encoded bytes and the summary kept beside it.
public struct EncodedChunk: Sendable, Equatable {
    public var blockStart: Int64
    public var bytes: [UInt8]
    public var summary: ChunkSummary

    public init(blockStart: Int64, bytes: [UInt8], summary: ChunkSummary) {
        self.blockStart = blockStart
        self.bytes = bytes
        self.summary = summary
    }
}

extension ChunkCodec {
    /// Cuts ascending points into the planner's blocks (default: ``BlockPlanner/init(for:)``) and encodes and
    /// summarises each, without copying the columns. Blocks are independent, so callers with many series can
    /// encode them on several cores.
    public static func encodeBlocks(_ data: SeriesData, planner: BlockPlanner? = nil) -> [EncodedChunk] {
        data.timestamps.withUnsafeBufferPointer { t in
            data.values.withUnsafeBufferPointer { v in encodeBlocks(t, v, planner: planner ?? BlockPlanner(for: t)) }
        }
    }

    /// The same for an imported column, read in place.
    public static func encodeBlocks(_ imported: ImportedSeries, planner: BlockPlanner) -> [EncodedChunk] {
        imported.withBuffers { t, v in encodeBlocks(t, v, planner: planner) }
    }

    static func encodeBlocks(_ t: UnsafeBufferPointer<Int64>, _ v: UnsafeBufferPointer<Double>, planner: BlockPlanner) -> [EncodedChunk] {
        var chunks: [EncodedChunk] = []
        var i = 0
        while i < t.count {
            let range = planner.blockRange(containing: t[i])
            var j = i + 1
            while j < t.count && t[j] < range.upperBound && t[j] >= range.lowerBound { j += 1 }
            let ts = UnsafeBufferPointer(rebasing: t[i..<j])
            let vs = UnsafeBufferPointer(rebasing: v[i..<j])
            chunks.append(EncodedChunk(blockStart: range.lowerBound, bytes: encode(ts, vs), summary: ChunkSummary(ts, vs)))
            i = j
        }
        return chunks
    }
}
