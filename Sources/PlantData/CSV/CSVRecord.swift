/// One CSV record: the unescaped bytes of its fields laid end to end, and where each field ends.
///
/// The tokenizer reuses one record's storage from record to record, so a consumer that wants to
/// keep a record past its callback copies what it needs (`string(_:)`, `field(_:)`).
public struct CSVRecord: Sendable {
    /// Physical line (1-based) on which the record starts; a quoted field may carry it over more lines.
    public internal(set) var line: Int = 0
    /// The unescaped field bytes, concatenated (quotes removed, `""` turned into `"`).
    public internal(set) var bytes: [UInt8] = []
    /// `fieldEnds[i]` is the end offset in `bytes` of field `i`; field `i` starts at `fieldEnds[i - 1]` (or 0).
    public internal(set) var fieldEnds: [Int] = []

    public init() {}

    /// Number of fields in the record.
    public var count: Int { fieldEnds.count }

    /// Byte range of field `index` in `bytes`.
    @inlinable
    public func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// The bytes of field `index`.
    public func field(_ index: Int) -> ArraySlice<UInt8> { bytes[range(index)] }

    /// Field `index` decoded as UTF-8 (invalid sequences repaired).
    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    mutating func reset(line: Int) {
        self.line = line
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
    }
}
