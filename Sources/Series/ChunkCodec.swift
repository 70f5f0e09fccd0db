import Foundation

/// Lossless compressed encoding of one chunk of a series (timestamps and values together).
///
/// Layout (version 1, little-endian, varints are LEB128, signed varints zigzag):
/// ```
/// u8 version | varint count | timestamps section | values section
/// ```
/// Timestamps: the first timestamp, then either `step + exceptions` (regular data costs a few bytes for the
/// whole chunk) or bit-packed differences from the step. Values: NaN runs, then the non-NaN values either as
/// scaled decimal integers (ALP-style: `v == Double(d) / 10^e` bit-exactly, delta + bit-packing, exceptions
/// stored verbatim) or with Gorilla-style XOR for values without decimal structure. Every Float64 round-trips
/// bit-exactly (-0.0, ±infinity, subnormals, ±1e308); every NaN decodes as the canonical NaN (only NaN-ness is
/// kept, payloads are not).
public enum ChunkCodec {
    /// Written as the first byte; bumped whenever the layout changes, old versions stay decodable.
    public static let formatVersion: UInt8 = 1
    /// Upper bound on points in one chunk (16.7 million; block-planned chunks hold tens of thousands); it
    /// bounds what a corrupt count can make the decoder allocate.
    public static let maxPointsPerChunk = 1 << 24

    /// Encodes columns of equal length. Timestamps may be in any order (ascending compresses best).
    public static func encode(timestamps: [Int64], values: [Double]) -> [UInt8] {
        precondition(timestamps.count == values.count, "timestamps and values must have the same length")
        return timestamps.withUnsafeBufferPointer { t in values.withUnsafeBufferPointer { v in encode(t, v) } }
    }

    /// Encodes equal-length buffers (slices of larger columns need no copy).
    static func encode(_ t: UnsafeBufferPointer<Int64>, _ v: UnsafeBufferPointer<Double>) -> [UInt8] {
        precondition(t.count <= maxPointsPerChunk, "a chunk holds at most \(maxPointsPerChunk) points")
        var out = ByteWriter()
        out.bytes.reserveCapacity(16 + t.count * 2)
        out.u8(formatVersion)
        out.varint(t.count)
        encodeTimestamps(t, into: &out)
        encodeValues(v, into: &out)
        return out.bytes
    }

    public static func encode(_ data: SeriesData) -> [UInt8] {
        encode(timestamps: data.timestamps, values: data.values)
    }

    /// The same bytes as `Data`, for storage APIs that want it.
    public static func encodeToData(_ data: SeriesData) -> Data {
        Data(encode(timestamps: data.timestamps, values: data.values))
    }

    public static func decode(_ bytes: [UInt8]) throws(ChunkCodecError) -> SeriesData {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ChunkCodecError) -> SeriesData in try decode(buffer) }
        }
        return try result.get()
    }

    public static func decode(_ data: Data) throws(ChunkCodecError) -> SeriesData {
        try decode([UInt8](data))
    }

    /// Decodes from raw memory (for readers that already hold the chunk in a buffer).
    public static func decode(_ buffer: UnsafeBufferPointer<UInt8>) throws(ChunkCodecError) -> SeriesData {
        var reader = ByteReader(buffer)
        let version = try reader.u8()
        guard version == 1 else { throw .unsupportedVersion(version) }
        let count = try reader.count(limit: maxPointsPerChunk)
        let timestamps = try decodeTimestamps(count: count, from: &reader)
        let values = try decodeValues(count: count, from: &reader)
        guard reader.remaining == 0 else { throw .corrupt("\(reader.remaining) trailing bytes") }
        return SeriesData(timestamps: timestamps, values: values)
    }
}
