/// A streaming RFC 4180 tokenizer: bytes in (in chunks of any size), records of fields with physical
/// line numbers out.
///
/// Kept deliberately small so that it can be swapped for the shared reader in `Series` later. It is
/// lenient where spreadsheets are sloppy (a stray quote inside an unquoted field is kept as a byte,
/// bytes after a closing quote are appended) and strict only where data would be lost (a quoted
/// field that never closes). Line breaks are LF, CRLF or a lone CR.
public struct CSVTokenizer: Sendable {
    /// A quoted field was still open at the end of the input.
    public struct UnterminatedQuote: Error, Sendable, Equatable {
        /// Line on which the quoted field opened.
        public let line: Int
    }

    private enum State: Sendable { case fieldStart, unquoted, quoted, quoteInQuoted }

    public let delimiter: UInt8
    private var state: State = .fieldStart
    private var record = CSVRecord()
    private var line = 1
    private var quoteLine = 0
    private var pendingCR = false
    /// A CR ended the last chunk inside a quoted field: whether it was a line break of its own
    /// depends on the first byte of the next chunk.
    private var pendingQuotedCR = false
    private var recordOpen = false

    /// - Parameter delimiter: field separator, `,` by default (`\t` for tab-separated exports).
    public init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// Consumes the next chunk, calling `emit` for every record it completes.
    public mutating func feed(
        _ chunk: UnsafeRawBufferPointer, _ emit: (CSVRecord) throws -> Void
    ) rethrows {
        let n = chunk.count
        var i = 0
        let delim = delimiter
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        if pendingQuotedCR && n > 0 {
            pendingQuotedCR = false
            if chunk[0] != lf { line += 1 }
        }
        while i < n {
            let b = chunk[i]
            if pendingCR {
                // The LF of a CRLF pair that was split across chunks belongs to the break already counted.
                pendingCR = false
                if b == lf && state != .quoted { i += 1; continue }
            }
            if !recordOpen {
                if b == lf || b == cr {
                    // Blank line between records: count it, emit nothing.
                    line += 1
                    if b == cr { if i + 1 < n { if chunk[i + 1] == lf { i += 1 } } else { pendingCR = true } }
                    i += 1
                    continue
                }
                record.reset(line: line)
                recordOpen = true
                state = .fieldStart
            }
            switch state {
            case .fieldStart, .unquoted:
                if state == .fieldStart && b == quote {
                    state = .quoted
                    quoteLine = line
                    i += 1
                    continue
                }
                if b == delim {
                    record.fieldEnds.append(record.bytes.count)
                    state = .fieldStart
                    i += 1
                } else if b == lf || b == cr {
                    record.fieldEnds.append(record.bytes.count)
                    line += 1
                    if b == cr { if i + 1 < n { if chunk[i + 1] == lf { i += 1 } } else { pendingCR = true } }
                    i += 1
                    recordOpen = false
                    try emit(record)
                } else {
                    // Copy the run of plain bytes in one go: most fields are plain.
                    var j = i + 1
                    while j < n {
                        let c = chunk[j]
                        if c == delim || c == lf || c == cr { break }
                        j += 1
                    }
                    record.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[i..<j]))
                    state = .unquoted
                    i = j
                }
            case .quoted:
                var j = i
                while j < n && chunk[j] != quote {
                    let c = chunk[j]
                    if c == lf {
                        line += 1
                    } else if c == cr {
                        if j + 1 >= n { pendingQuotedCR = true } else if chunk[j + 1] != lf { line += 1 }
                    }
                    j += 1
                }
                if j > i { record.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[i..<j])) }
                if j < n { state = .quoteInQuoted; i = j + 1 } else { i = j }
            case .quoteInQuoted:
                if b == quote {
                    record.bytes.append(quote)
                    state = .quoted
                    i += 1
                } else {
                    // Closing quote: what follows is handled as an unquoted continuation.
                    state = .unquoted
                }
            }
        }
    }

    /// Ends the input: emits the last record if the input did not end with a line break.
    public mutating func finish(_ emit: (CSVRecord) throws -> Void) throws {
        guard recordOpen else { return }
        if state == .quoted { throw UnterminatedQuote(line: quoteLine) }
        record.fieldEnds.append(record.bytes.count)
        recordOpen = false
        try emit(record)
    }
}

extension CSVTokenizer {
    /// Tokenizes a whole buffer.
    public static func records(
        in bytes: UnsafeRawBufferPointer, delimiter: UInt8 = UInt8(ascii: ","),
        _ emit: (CSVRecord) throws -> Void
    ) throws {
        var tokenizer = CSVTokenizer(delimiter: delimiter)
        try tokenizer.feed(bytes, emit)
        try tokenizer.finish(emit)
    }
}
