import ArgumentParser

extension Nhachan {
    /// Every subcommand, in the order `--help` lists them.
    static let commands: [any ParsableCommand.Type] = [Check.self, PlanCommand.self, Tick.self, RunCommand.self, Ack.self, Unack.self, OutboxCommand.self, Status.self, Holidays.self, Import.self, SendTest.self, Retry.self, Serve.self, HashPassword.self, StateCommand.self]
}
