import Foundation

/// A configuration problem, named by key and by where the value came from.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Builds the configuration from its layers: defaults < config file < environment (`POWERHOUSE_*`) < flags.
public struct ConfigLoader: Sendable {
    /// Values given as command-line flags, by key (`server.port` → `"9000"`).
    public var flags: [String: String]
    public var environment: [String: String]
    /// `--config PATH`; else `POWERHOUSE_CONFIG`; else `./powerhouse.toml` or `./powerhouse.json` if present.
    public var configFile: String?
    /// `--profile`; else `POWERHOUSE_PROFILE`; else the config file's `profile`; else `dev`.
    public var profile: Profile?

    public init(
        flags: [String: String] = [:], environment: [String: String] = ProcessInfo.processInfo.environment,
        configFile: String? = nil, profile: Profile? = nil
    ) {
        self.flags = flags
        self.environment = environment
        self.configFile = configFile
        self.profile = profile
    }

    /// Where each value came from, for error messages and `powerhouse config show`.
    public enum Source: String, Sendable { case defaults, file, environment, flag }

    public struct Resolved: Sendable {
        public let profile: Profile
        public let values: [String: String]
        public let sources: [String: Source]
        public let file: String?
    }

    public func resolve() throws -> Resolved {
        let filePath = configFile ?? environment["POWERHOUSE_CONFIG"] ?? Self.defaultFile()
        let fileValues = try filePath.map(Self.readFile) ?? [:]
        let environmentValues = try Self.environmentValues(environment)

        let profileText = profile?.rawValue ?? environment["POWERHOUSE_PROFILE"] ?? fileValues["profile"] ?? "dev"
        guard let chosenProfile = Profile(rawValue: profileText) else {
            throw ConfigError("profile \"\(profileText)\" is not one of dev, test, int, prod")
        }

        var values: [String: String] = [:]
        var sources: [String: Source] = [:]
        func layer(_ layerValues: [String: String], _ source: Source) throws {
            for (key, value) in layerValues where key != "profile" {
                guard ConfigKey.byName[key] != nil else {
                    throw ConfigError("unknown configuration key \"\(key)\" (from \(source.rawValue)); see `powerhouse config keys`")
                }
                values[key] = value
                sources[key] = source
            }
        }
        for key in ConfigKey.all {
            if let value = key.defaultValue(for: chosenProfile) {
                values[key.name] = value
                sources[key.name] = .defaults
            }
        }
        try layer(fileValues, .file)
        try layer(environmentValues, .environment)
        try layer(flags, .flag)
        return Resolved(profile: chosenProfile, values: values, sources: sources, file: filePath)
    }

    public func load() throws -> AppConfig {
        try AppConfig(resolve())
    }

    private static func defaultFile() -> String? {
        ["powerhouse.toml", "powerhouse.json"].first { FileManager.default.fileExists(atPath: $0) }
    }

    static func readFile(_ path: String) throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("config file \(path) cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        if path.hasSuffix(".json") {
            guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
                throw ConfigError("config file \(path) is not a JSON object")
            }
            var flat: [String: String] = [:]
            flatten(object, prefix: "", into: &flat)
            return flat
        }
        do {
            return try TOMLLite.parse(text)
        } catch {
            throw ConfigError("config file \(path), \(error)")
        }
    }

    private static func flatten(_ object: [String: JSONValue], prefix: String, into flat: inout [String: String]) {
        for (key, value) in object {
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            if case .object(let nested) = value {
                flatten(nested, prefix: name, into: &flat)
            } else {
                flat[name] = value.configText
            }
        }
    }

    /// `POWERHOUSE_SERVER_PORT` → `server.port`: the first word after the prefix is the section, the rest the key.
    static func environmentValues(_ environment: [String: String]) throws -> [String: String] {
        var values: [String: String] = [:]
        let systematic = Dictionary(uniqueKeysWithValues: ConfigKey.all.map { ($0.environmentName, $0.name) })
        for (name, value) in environment where name.hasPrefix("POWERHOUSE_") {
            if let key = systematic[name] ?? ConfigKey.environmentAliases[name] { values[key] = value }
        }
        return values
    }
}
