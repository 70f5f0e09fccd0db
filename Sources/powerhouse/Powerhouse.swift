import ArgumentParser

@main
struct Powerhouse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "powerhouse",
        abstract: "Powerhouse: one platform for energy and industrial operations.",
        discussion: """
            Configuration comes in layers: defaults < config file (powerhouse.toml or .json) < environment \
            (POWERHOUSE_*) < flags. `powerhouse config keys` lists every setting.

            Quick start:  powerhouse serve --demo      (then open the printed URL)
            """,
        version: PowerhouseVersionText.text,
        subcommands: [Serve.self, Migrate.self, UserCommand.self, Worker.self, ConfigCommand.self, Simulate.self, PVCommand.self, ImportCommand.self, Version.self]
    )
}
