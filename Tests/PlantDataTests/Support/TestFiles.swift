import Foundation
import Testing

/// Where the tests find their inputs: the small generated fixtures (a bundle resource) and EPA's
/// real files in `../shared/data/egrid/` beside the repository (outside it, so not copied in).
enum TestFiles {
    static func fixture(_ name: String) throws -> Data {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let url = try #require(
            Bundle.module.url(forResource: parts[0], withExtension: parts.count > 1 ? parts[1] : nil, subdirectory: "Fixtures"),
            "fixture \(name) missing: run reference/plants/make_fixtures.py")
        return try Data(contentsOf: url)
    }

    /// `<repo>/../shared/data/egrid/<name>`, found from this source file's path.
    static func epa(_ name: String) throws -> Data {
        // The dev package symlinks the test folder; resolve to the real repository first.
        let resolved = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        var repo = resolved.deletingLastPathComponent()
        while repo.path != "/" && !FileManager.default.fileExists(atPath: repo.appendingPathComponent("Package.swift").path) {
            repo.deleteLastPathComponent()
        }
        let url = repo.deletingLastPathComponent().appendingPathComponent("shared/data/egrid/\(name)")
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("EPA reference file missing: \(url.path) — clone the repository with ../shared beside it")
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
