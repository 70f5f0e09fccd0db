import ArgumentParser
import Platform

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the configuration reference or the values in effect.",
        subcommands: [Keys.self, Show.self])

    struct Keys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every setting with its environment variable and meaning.")

        func run() async throws {
            for key in ConfigKey.all {
                let defaults = Profile.allCases.map { "\($0.rawValue)=\(key.defaultValue(for: $0) ?? "—")" }
                let single = Set(Profile.allCases.map { key.defaultValue(for: $0) ?? "—" }).count == 1
                print("\(key.name)  (\(key.environmentName))")
                print("    \(key.help)")
                print("    default: " + (single ? (key.defaultValue(for: .dev) ?? "—") : defaults.joined(separator: ", ")))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The values in effect and where each came from (secrets hidden).")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let resolved = try ConfigLoader(flags: common.flags(), configFile: common.config,
                                            profile: common.profile.flatMap(Profile.init(rawValue:))).resolve()
            print("profile: \(resolved.profile.rawValue)" + (resolved.file.map { "   file: \($0)" } ?? ""))
            for key in ConfigKey.all {
                guard let value = resolved.values[key.name] else { continue }
                let shown = key.name.contains("secret") || key.name.contains("password") ? "***" : value
                print("\(key.name) = \(shown)   (\(resolved.sources[key.name]?.rawValue ?? "defaults"))")
            }
        }
    }
}

struct Version: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the version.")

    func run() async throws {
        print(PowerhouseVersionText.text)
    }
}
