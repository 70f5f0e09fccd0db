import Foundation

/// LSB-first bit output used by bit-packing and the XOR value scheme.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var acc: UInt64 = 0
    private var bits = 0

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Writes the low `width` bits of `value` (0...64).
    @inline(__always)
    mutating func write(_ value: UInt64, _ width: Int) {
        if width > 56 {
            write(value & 0xFFFF_FFFF, 32)
            write(value >> 32, width - 32)
            return
        }
        guard width > 0 else { return }
        let masked = width == 64 ? value : value & ((1 << UInt64(width)) - 1)
        acc |= masked << UInt64(bits)
        bits += width
        while bits >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: acc))
            acc >>= 8
            bits -= 8
        }
    }

    /// Pads to a whole byte and returns the bytes.
    mutating func finish() -> [UInt8] {
        if bits > 0 {
            bytes.append(UInt8(truncatingIfNeeded: acc))
            acc = 0
            bits = 0
        }
        return bytes
    }
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
