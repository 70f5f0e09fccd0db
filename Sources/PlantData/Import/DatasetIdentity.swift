/// What the caller knows about a file before it is read.
public struct ImportOptions: Sendable, Hashable {
    /// Data year to use when the file does not state one (EPA's build workbooks have no year in
    /// their codes). A year the file states wins.
    public var year: Int?
    /// How the release is called, e.g. `2023 rev. June 2025`. Defaults to the data year.
    public var releaseLabel: String?
    /// SHA-256 of the file bytes, hex. Computed by the caller (Foundation on Linux has no SHA-256;
    /// the server has swift-crypto) and carried along so a dataset can be recognised when re-uploaded.
    public var sha256: String?
    /// The uploaded file's name; a four-digit year in it (`access_unit_file_2021.xlsx`) is used
    /// when neither the codes nor the sheet name state one.
    public var fileName: String?

    public init(year: Int? = nil, releaseLabel: String? = nil, sha256: String? = nil, fileName: String? = nil) {
        self.year = year
        self.releaseLabel = releaseLabel
        self.sha256 = sha256
        self.fileName = fileName
    }
}

/// Which data a loaded file is: data year(s), release label and content hash.
public struct DatasetIdentity: Sendable, Hashable, Codable {
    /// Data years in the file, ascending (explorer files like `state.csv` hold several).
    public let years: [Int]
    public let releaseLabel: String
    public let sha256: String?
    public let fileName: String?

    public init(years: [Int], releaseLabel: String, sha256: String?, fileName: String?) {
        self.years = years
        self.releaseLabel = releaseLabel
        self.sha256 = sha256
        self.fileName = fileName
    }

    /// The data year when the file holds exactly one.
    public var year: Int? { years.count == 1 ? years[0] : nil }
}
