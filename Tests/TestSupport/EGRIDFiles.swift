import Foundation

/// EPA's real eGRID files in `../shared/data/egrid/` beside the repository (never copied into it; see that
/// folder's SOURCES.md), found from this source file's path.
public enum EGRIDFiles {
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "EPA reference file missing: \(path) — clone the repository with ../shared beside it" }
    }

    public static func url(_ name: String) throws -> URL {
        var repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while repo.path != "/" && !FileManager.default.fileExists(atPath: repo.appendingPathComponent("Package.swift").path) {
            repo.deleteLastPathComponent()
        }
        let url = repo.deletingLastPathComponent().appendingPathComponent("shared/data/egrid/\(name)")
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    public static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }
}
