import Foundation

extension CSVReader {
    /// Imports bytes already in memory, fed in chunks of `chunkSize` (the result does not depend on it).
    public static func read(_ bytes: [UInt8], settings: CSVSettings, chunkSize: Int = 1 << 20) throws(CSVImportError)
        -> CSVImportResult
    {
        var reader = try CSVReader(settings: settings)
        var start = 0
        while start < bytes.count {
            let end = min(start + max(1, chunkSize), bytes.count)
            try reader.consume(Array(bytes[start..<end]))
            start = end
        }
        return try reader.finish()
    }

    /// Streams a file from disk in 1 MB chunks; `progress` gets (bytes read, file size) after each chunk.
    /// Peak memory is the parsed columns plus one chunk, never the whole file.
    public static func importFile(
        at url: URL, settings: CSVSettings, chunkSize: Int = 1 << 20, parallelRead: Bool = true,
        progress: ((_ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil
    ) throws -> CSVImportResult {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let total = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        var reader = try CSVReader(settings: settings)
        reader.expectedBytes = total > 0 ? total : nil
        reader.parallelRead = parallelRead
        // Two reused buffers filled by read(2) one chunk ahead, on another thread: no allocation per chunk.
        let chunks = ChunkPrefetcher(fd: handle.fileDescriptor, chunkSize: chunkSize)
        defer { chunks.close() }
        do {
            while let chunk = try chunks.nextChunk() {
                try reader.consume(chunk)
                progress?(reader.bytesConsumed, total)
            }
        } catch is POSIXError {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        return try reader.finish()
    }
}

extension CSVSniffer {
    /// Detects settings from the first ``sampleSize`` bytes of a file.
    public static func detect(fileAt url: URL, previewRows: Int = 20, timeZone: String = "UTC") throws -> CSVDetection {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let sample = try handle.read(upToCount: sampleSize) ?? Data()
        let more = try handle.read(upToCount: 1)
        let complete = sample.count < sampleSize || more?.isEmpty ?? true
        return try detect(sample: [UInt8](sample), isCompleteFile: complete, previewRows: previewRows, timeZone: timeZone)
    }
}
