import Foundation

/// Memory for columns of millions of values, marked for transparent huge pages: filling 100 MB of fresh 4 KB
/// pages costs about 25,000 page faults, filling 2 MB pages about 50. Where the kernel has no huge pages to give
/// (or its mode is `never`), the advice is ignored and the memory is ordinary.
enum BulkMemory {
    static let hugePage = 2 << 20

    /// Grows (or first allocates) a block with `realloc`, which remaps large blocks instead of copying them,
    /// and asks for huge pages on it.
    static func resize<T>(_ p: UnsafeMutablePointer<T>?, to count: Int) -> UnsafeMutablePointer<T> {
        let bytes = count * MemoryLayout<T>.stride
        guard let grown = realloc(p, bytes) else { preconditionFailure("out of memory for \(bytes) bytes") }
        adviseHugePages(grown, bytes)
        return grown.assumingMemoryBound(to: T.self)
    }

    /// Asks for huge pages on the whole 2 MB units inside `p ..< p + bytes`.
    private static func adviseHugePages(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        let start = (Int(bitPattern: p) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: p) + bytes) & ~(hugePage - 1)
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, Int32(MADV_HUGEPAGE))
    }
}
