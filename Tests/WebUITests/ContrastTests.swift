import Foundation
import Testing

/// WCAG AA contrast of app.css's colour tokens in both themes, and the two copies of the dark theme kept equal
/// (CSS cannot share one block between `prefers-color-scheme` and the toggle's `data-theme="dark"`).
@Suite struct ContrastTests {
    static let css: String = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/Server/Public/css/app.css").standardizedFileURL
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }()

    /// The `--name: #rrggbb` declarations of the first block that follows `selector`.
    static func tokens(after selector: String) -> [String: String] {
        guard let start = css.range(of: selector), let open = css[start.lowerBound...].firstIndex(of: "{"),
            let close = css[open...].firstIndex(of: "}")
        else { return [:] }
        let block = String(css[open..<close])
        var tokens: [String: String] = [:]
        for match in block.matches(of: #/--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;/#) {
            tokens[String(match.output.1)] = String(match.output.2).lowercased()
        }
        return tokens
    }

    static let light = tokens(after: ":root {")
    static let dark = light.merging(tokens(after: ":root[data-theme=\"dark\"] {")) { $1 }

    /// Text on its backgrounds needs 4.5:1; focus rings and field borders, being non-text, 3:1.
    static let pairs: [(foreground: String, background: String, minimum: Double)] = [
        ("text", "bg", 4.5), ("text", "surface", 4.5), ("text", "code-bg", 4.5), ("muted", "surface", 4.5),
        ("muted", "surface-2", 4.5), ("muted", "bg", 4.5), ("muted", "hover", 4.5), ("accent", "surface", 4.5),
        ("accent", "bg", 4.5), ("accent", "hover", 4.5), ("primary-text", "primary-bg", 4.5),
        ("primary-text", "primary-hover", 4.5), ("info", "info-bg", 4.5), ("success", "success-bg", 4.5),
        ("warning", "warning-bg", 4.5), ("danger", "danger-bg", 4.5), ("neutral", "neutral-bg", 4.5),
        ("text", "info-bg", 4.5), ("text", "success-bg", 4.5), ("text", "danger-bg", 4.5), ("danger", "surface", 4.5),
        ("warning", "surface", 4.5), ("header-text", "header-bg", 4.5), ("header-muted", "header-bg", 4.5),
        ("header-muted", "header-hover", 4.5), ("header-text", "header-hover", 4.5), ("focus", "surface", 3),
        ("focus", "bg", 3), ("border-strong", "surface", 3), ("header-focus", "header-bg", 3),
        ("header-accent", "header-bg", 3),
    ]

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test(arguments: ["light", "dark"])
    func pairsMeetAA(theme: String) throws {
        // Arrange
        let tokens = theme == "light" ? Self.light : Self.dark
        try #require(tokens.count > 20, "app.css tokens not found")

        for pair in Self.pairs {
            // Act
            let foreground = try #require(tokens[pair.foreground], "--\(pair.foreground) missing")
            let background = try #require(tokens[pair.background], "--\(pair.background) missing")
            let ratio = Self.contrast(foreground, background)

            // Assert
            #expect(ratio >= pair.minimum, "\(theme): --\(pair.foreground) on --\(pair.background) is \(ratio):1")
        }
    }

    @Test func bothDarkBlocksAgree() {
        // Arrange / Act
        let fromPreference = Self.tokens(after: ":root:not([data-theme=\"light\"]) {")
        let fromToggle = Self.tokens(after: ":root[data-theme=\"dark\"] {")

        // Assert
        #expect(fromPreference.count > 20)
        #expect(fromPreference == fromToggle)
    }

    @Test func contrastFormulaMatchesKnownValues() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.001)
        #expect(abs(Self.contrast("#767676", "#ffffff") - 4.54) < 0.01)
    }
}
