import Testing
@testable import WebUI

/// Forms work for everyone: every field has a label, every state-changing form carries the CSRF token, and
/// ids are unique so that labels and the skip link point at one element.
@Suite struct FormTests {
    static let unlabelledTypes: Set<String> = ["hidden", "submit", "button", "reset", "image"]

    @Test(arguments: Fixtures.pages.map(\.name))
    func everyFieldHasALabel(page: String) {
        // Arrange
        let html = Fixtures.pages.first { $0.name == page }!.html
        let labelTargets = Set(HTMLScan.startTags(html, named: "label").compactMap { $0["for"] })
        // Fields written inside their <label> are labelled by it.
        let wrapped = HTMLScan.elements(html, named: "label").flatMap { label in
            HTMLScan.tags(label.inner).filter { !$0.isEnd && ["input", "select", "textarea"].contains($0.name) }
        }.compactMap { $0["name"] }

        // Act
        let fields = HTMLScan.tags(html).filter { tag in
            !tag.isEnd && ["input", "select", "textarea"].contains(tag.name)
                && !Self.unlabelledTypes.contains(tag["type"] ?? "text")
        }

        // Assert
        for field in fields {
            let labelled = field["id"].map(labelTargets.contains) ?? false
                || field["aria-label"] != nil || wrapped.contains(field["name"] ?? "")
            #expect(labelled, "\(page): field \(field["name"] ?? "?") has no label")
        }
    }

    @Test(arguments: Fixtures.pages.map(\.name))
    func everyPostFormCarriesTheCSRFToken(page: String) {
        // Arrange
        let html = Fixtures.pages.first { $0.name == page }!.html

        // Act
        let postForms = HTMLScan.elements(html, named: "form").filter { $0.tag["method"]?.lowercased() == "post" }

        // Assert
        for form in postForms {
            let token = HTMLScan.startTags(form.inner, named: "input").first { $0["name"] == "csrf_token" }
            #expect(token?["type"] == "hidden", "\(page): \(form.tag["action"] ?? "?") has no CSRF field")
            #expect(token?["value"] == Fixtures.csrf, "\(page): \(form.tag["action"] ?? "?") has the wrong token")
        }
    }

    @Test func pagesWithFormsHavePostForms() {
        // Guards the test above against passing on pages whose forms it could not find.
        #expect(HTMLScan.elements(Fixtures.users(), named: "form").count >= 5)
        #expect(HTMLScan.elements(Fixtures.login(), named: "form").count == 1)
    }

    @Test(arguments: Fixtures.pages.map(\.name))
    func idsAndAttributesAreUnique(page: String) {
        // Arrange
        let tags = HTMLScan.tags(Fixtures.pages.first { $0.name == page }!.html).filter { !$0.isEnd }

        // Act
        let ids = tags.compactMap { $0["id"] }
        let repeatedAttributes = tags.filter { Set($0.attributeList.map(\.name)).count != $0.attributeList.count }

        // Assert
        #expect(Set(ids).count == ids.count, "\(page): duplicate ids \(ids)")
        #expect(repeatedAttributes.isEmpty, "\(page): \(repeatedAttributes.map(\.name)) repeat an attribute")
    }

    @Test(arguments: Fixtures.pages.map(\.name))
    func everyButtonHasAName(page: String) {
        // Arrange
        let buttons = HTMLScan.elements(Fixtures.pages.first { $0.name == page }!.html, named: "button")

        // Assert
        for button in buttons {
            let text = button.inner.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespaces)
            #expect(!text.isEmpty || button.tag["aria-label"] != nil, "\(page): a button has no accessible name")
        }
    }
}
