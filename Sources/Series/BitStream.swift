import Foundation

/// LSB-first bit output used by bit-packing and the XOR value scheme. Bits collect in 64-bit words, so a
/// write is a shift and an or; bytes are produced once at the end.
struct BitWriter {
    private var words: [UInt64] = []
    private var acc: UInt64 = 0
    private var bits = 0

    init(capacity: Int = 0) { words.reserveCapacity(capacity / 8 + 1) }

    /// Writes the low `width` bits of `value` (0...64).
    @inline(__always)
    mutating func write(_ value: UInt64, _ width: Int) {
        guard width > 0 else { return }
        let masked = width == 64 ? value : value & ((1 << UInt64(width)) &- 1)
        acc |= masked << UInt64(bits)
        let total = bits + width
        if total >= 64 {
            words.append(acc)
            // The part of `masked` that did not fit; shifting by 64 would be 0 anyway, but be explicit.
            acc = bits == 0 ? 0 : masked >> UInt64(64 - bits)
            bits = total - 64
        } else {
            bits = total
        }
    }

    /// Pads to a whole byte and appends the bytes to `out`.
    mutating func finish(into out: inout [UInt8]) {
        let tail = (bits + 7) / 8
        out.reserveCapacity(out.count + words.count * 8 + tail)
        #if _endian(big)
        for i in words.indices { words[i] = words[i].littleEndian }
        #endif
        words.withUnsafeBytes { out.append(contentsOf: $0) }
        for i in 0..<tail { out.append(UInt8(truncatingIfNeeded: acc >> UInt64(8 * i))) }
        words.removeAll()
        acc = 0
        bits = 0
    }

    /// Byte length `finish` will produce.
    var byteCount: Int { words.count * 8 + (bits + 7) / 8 }
}

/// Reader for ``BitWriter`` output; reads past the end throw.
struct BitReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var bitPosition = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inline(__always)
    mutating func read(_ width: Int) throws(ChunkCodecError) -> UInt64 {
        if width > 56 {
            let low = try read(32)
            return low | (try read(width - 32)) << 32
        }
        guard width > 0 else { return 0 }
        let byte = bitPosition >> 3
        let shift = UInt64(bitPosition & 7)
        let mask: UInt64 = (1 << UInt64(width)) - 1
        guard bitPosition + width <= bytes.count * 8 else { throw .truncated }
        var window: UInt64 = 0
        if byte + 8 <= bytes.count {
            // Fast path: one unaligned 8-byte load covers any width <= 56 plus the sub-byte shift.
            window = UnsafeRawPointer(bytes.baseAddress! + byte).loadUnaligned(as: UInt64.self).littleEndian
        } else {
            for i in 0..<min(8, bytes.count - byte) { window |= UInt64(bytes[byte + i]) << (8 * UInt64(i)) }
        }
        bitPosition += width
        return (window >> shift) & mask
    }

    @inline(__always)
    mutating func bit() throws(ChunkCodecError) -> Bool { try read(1) == 1 }
}
