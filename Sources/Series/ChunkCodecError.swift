import Foundation

/// Why a chunk could not be decoded. Encoding never fails.
public enum ChunkCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes end before the format says they should.
    case truncated
    /// The first byte names a format version this build does not know.
    case unsupportedVersion(UInt8)
    /// The bytes contradict the format.
    case corrupt(String)

    public var description: String {
        switch self {
        case .truncated: "chunk is truncated"
        case .unsupportedVersion(let v): "chunk format version \(v) is not supported"
        case .corrupt(let why): "chunk is corrupt: \(why)"
        }
    }
}
