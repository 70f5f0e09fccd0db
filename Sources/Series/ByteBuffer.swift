import Foundation

/// Little-endian byte output for the chunk codec.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func varint(_ v: Int) { varint(UInt64(v)) }

    /// Signed values go through zigzag so that small negatives stay short.
    mutating func signed(_ v: Int64) { varint(zigzag(v)) }

    mutating func u64(_ v: UInt64) {
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    mutating func append(_ other: ByteWriter) { bytes.append(contentsOf: other.bytes) }
}

@inline(__always) func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
@inline(__always) func unzigzag(_ v: UInt64) -> Int64 { Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) }

/// Bounds-checked reader matching ``ByteWriter``; every read throws on truncated input.
struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var remaining: Int { bytes.count - position }

    mutating func u8() throws(ChunkCodecError) -> UInt8 {
        guard position < bytes.count else { throw .truncated }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() throws(ChunkCodecError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try u8()
            guard shift < 64 else { throw .corrupt("varint too long") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A varint that must fit a non-negative Int no larger than `limit` (guards allocations against corrupt input).
    mutating func count(limit: Int) throws(ChunkCodecError) -> Int {
        let v = try varint()
        guard v <= UInt64(limit) else { throw .corrupt("count \(v) exceeds \(limit)") }
        return Int(v)
    }

    mutating func signed() throws(ChunkCodecError) -> Int64 { unzigzag(try varint()) }

    mutating func u64() throws(ChunkCodecError) -> UInt64 {
        guard remaining >= 8 else { throw .truncated }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return v
    }

    /// Hands out the next `n` bytes as a sub-buffer.
    mutating func take(_ n: Int) throws(ChunkCodecError) -> UnsafeBufferPointer<UInt8> {
        guard n >= 0, remaining >= n else { throw .truncated }
        defer { position += n }
        return UnsafeBufferPointer(rebasing: bytes[position..<position + n])
    }
}
