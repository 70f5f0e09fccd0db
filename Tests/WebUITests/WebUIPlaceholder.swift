import Testing
@testable import WebUI

@Test func placeholderWebUI() { #expect(true) }
