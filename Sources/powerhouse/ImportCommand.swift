import ArgumentParser

/// `powerhouse import …`: load data files straight into the database, without a server, through the same code
/// path as the server's import jobs. Each kind of data is one subcommand in its own file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import data files into the database (no server needed).",
        subcommands: [ImportSeries.self, ImportEGRID.self])
}
