import ArgumentParser

extension Nhachan {
    /// Every subcommand, in the order `--help` lists them.
    static let commands: [any ParsableCommand.Type] = [Check.self, PlanCommand.self, Holidays.self]
}
