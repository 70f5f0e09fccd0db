import Testing
@testable import Server

@Test func placeholderServer() { #expect(true) }
