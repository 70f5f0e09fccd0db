import Testing
@testable import WebUI

/// The CSP allows only our own files (`script-src 'self'; style-src 'self'`): a page with an inline style,
/// script or handler would break in the browser, so the markup must never contain one.
@Suite struct ContentSecurityTests {
    @Test(arguments: Fixtures.pages.map(\.name))
    func noInlineStylesScriptsOrHandlers(page: String) {
        // Arrange
        let tags = HTMLScan.tags(Fixtures.pages.first { $0.name == page }!.html).filter { !$0.isEnd }

        // Act
        let styled = tags.filter { $0["style"] != nil }
        let handlers = tags.filter { tag in tag.attributeList.contains { $0.name.hasPrefix("on") } }
        // Only external scripts and JSON data blocks (which the browser never runs) may appear.
        let inlineScripts = tags.filter { $0.name == "script" && $0["src"] == nil && $0["type"] != "application/json" }
        let scriptURLs = tags.filter { tag in
            tag.attributeList.contains { $0.value.lowercased().hasPrefix("javascript:") }
        }

        // Assert
        #expect(styled.isEmpty, "\(page): style attribute on \(styled.map(\.name))")
        #expect(handlers.isEmpty, "\(page): event handler attribute on \(handlers.map(\.name))")
        #expect(inlineScripts.isEmpty, "\(page): inline script")
        #expect(scriptURLs.isEmpty, "\(page): javascript: URL")
        #expect(!tags.contains { $0.name == "style" }, "\(page): <style> element")
    }

    @Test func assetsAreLocalAndVersioned() {
        // Arrange
        let tags = HTMLScan.tags(Fixtures.dashboard())

        // Act
        let assets = tags.filter { $0.name == "link" || $0.name == "script" }.compactMap { $0["href"] ?? $0["src"] }

        // Assert
        #expect(assets.count == 5)
        for asset in assets {
            #expect(asset.hasPrefix("/static/"), "\(asset) must come from our own origin")
            #expect(asset.hasSuffix("?v=9.8.7"), "\(asset) must carry the release for cache busting")
        }
    }

    @Test func themeScriptBlocksAndAppScriptIsAModule() {
        // Arrange
        let scripts = HTMLScan.startTags(Fixtures.dashboard(), named: "script")

        // Act
        let theme = scripts.first { $0["src"]?.contains("js/theme.js") == true }
        let app = scripts.first { $0["src"]?.contains("js/app.js") == true }

        // Assert: theme.js runs before first paint (no defer, async or module), so a dark theme never flashes.
        #expect(theme != nil)
        #expect(theme?["type"] == nil && theme?["defer"] == nil && theme?["async"] == nil)
        #expect(app?["type"] == "module")
    }
}
