import Foundation
import Platform
import Testing

@Suite struct ConfigTests {
    @Test func layersApplyInOrder() throws {
        // Arrange: a file, an environment and a flag all set the port.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ph-\(UUID()).toml")
        try """
        # a comment
        [server]
        port = 9001
        host = "0.0.0.0"
        [jobs]
        workers = 4
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        // Act
        let fileOnly = try ConfigLoader(environment: [:], configFile: file.path).load()
        let withEnv = try ConfigLoader(environment: ["POWERHOUSE_SERVER_PORT": "9002"], configFile: file.path).load()
        let withFlag = try ConfigLoader(flags: ["server.port": "9003"], environment: ["POWERHOUSE_SERVER_PORT": "9002"],
                                        configFile: file.path).load()

        // Assert
        #expect(fileOnly.port == 9001 && fileOnly.host == "0.0.0.0" && fileOnly.jobWorkers == 4)
        #expect(withEnv.port == 9002 && withEnv.host == "0.0.0.0")
        #expect(withFlag.port == 9003)
        #expect(try ConfigLoader(environment: [:]).load().port == 8080)
    }

    @Test func jsonFilesAndAliasesWork() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ph-\(UUID()).json")
        try #"{"profile": "int", "database": {"pool_size": 12}, "limits": {"rate_per_ip": 50}}"#.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let config = try ConfigLoader(environment: ["POWERHOUSE_DB": "sqlite::memory:"], configFile: file.path).load()
        #expect(config.profile == .int)
        #expect(config.poolSize == 12)
        #expect(config.ratePerIP == 50)
        #expect(config.database == .sqliteMemory)
    }

    @Test func mistakesNameTheKeyAndSource() {
        #expect(throws: ConfigError("server.port = \"eighty\" (from environment) must be a whole number in 0…65535")) {
            try ConfigLoader(environment: ["POWERHOUSE_SERVER_PORT": "eighty"]).load()
        }
        #expect(throws: ConfigError.self) { try ConfigLoader(flags: ["no.such": "1"], environment: [:]).load() }
        #expect(throws: ConfigError.self) { try ConfigLoader(environment: ["POWERHOUSE_PROFILE": "staging"]).load() }
    }

    @Test func prodRefusesUnsafeSettings() throws {
        let unsafe = try ConfigLoader(environment: ["POWERHOUSE_ADMIN_PASSWORD": "admin123"], profile: .prod).load()
        let problems = unsafe.startupProblems()
        #expect(problems.contains { $0.contains("auth.jwt_secret") })
        #expect(problems.contains { $0.contains("behind_tls_proxy") })
        #expect(problems.contains { $0.contains("weak") })

        let safe = try ConfigLoader(environment: [
            "POWERHOUSE_JWT_SECRET": String(repeating: "k", count: 40), "POWERHOUSE_SERVER_BEHIND_TLS_PROXY": "true",
            "POWERHOUSE_ADMIN_PASSWORD": "a long and unusual passphrase",
        ], profile: .prod).load()
        #expect(safe.startupProblems().isEmpty)

        // Dev tolerates a missing secret but never a short one.
        #expect(try ConfigLoader(environment: [:], profile: .dev).load().startupProblems().isEmpty)
        #expect(!(try ConfigLoader(environment: ["POWERHOUSE_JWT_SECRET": "short"], profile: .dev).load().startupProblems().isEmpty))
    }
}
