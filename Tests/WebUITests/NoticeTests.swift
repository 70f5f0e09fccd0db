import Testing
@testable import WebUI

/// Notices are announced: errors as alerts (interrupting), everything else as status (polite).
@Suite struct NoticeTests {
    func notices(_ html: String) -> [Tag] {
        HTMLScan.tags(html).filter { !$0.isEnd && ($0["class"] ?? "").split(separator: " ").contains("notice") }
    }

    @Test(arguments: [
        (PageContext.NoticeKind.info, "status"), (.success, "status"), (.error, "alert"),
    ])
    func layoutNoticesCarryTheirRole(kind: PageContext.NoticeKind, role: String) {
        // Arrange
        let context = Fixtures.context("/grid", notice: .init(kind, "Something happened."))

        // Act
        let html = Fixtures.module(context)
        let notice = notices(html).first { $0["class"]!.contains("notice-\(kind.rawValue)") }

        // Assert
        #expect(notice?["role"] == role)
    }

    @Test func loginErrorIsAnAlert() {
        let notice = notices(Fixtures.login(error: "Wrong username or password.")).first
        #expect(notice?["role"] == "alert")
        #expect(notice?["class"]?.contains("notice-error") == true)
    }

    @Test func loginWithoutErrorShowsNoNotice() {
        #expect(notices(Fixtures.login(error: nil)).isEmpty)
    }

    @Test(arguments: Fixtures.pages.map(\.name))
    func everyNoticeHasARole(page: String) {
        for notice in notices(Fixtures.pages.first { $0.name == page }!.html) {
            #expect(["status", "alert"].contains(notice["role"] ?? ""), "\(page): a notice has no role")
        }
    }
}
