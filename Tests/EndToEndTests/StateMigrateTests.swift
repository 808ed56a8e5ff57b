import Foundation
import NhacHanTestSupport
import Testing

/// `nhachan state migrate`: a district's state from SQLite to PostgreSQL and back.
extension EndToEnd {
@Suite("Moving a state between SQLite and PostgreSQL", .serialized, .timeLimit(.minutes(3)))
struct StateMigrateTests {
    @Test("a state with sent mail, dead letters and acks moves to PostgreSQL and back; the next tick on the new store sends nothing twice; a non-empty target is refused")
    func bothWays() async throws {
        let server = try await PostgresTestServer.start()
        let hook = try HTTPTestServer(replies: ["200"], secret: MultiNodeTests.secret)
        defer { hook.stop() }
        let folder = NSTemporaryDirectory() + "nhachan-migrate-\(UUID().uuidString)"
        let config = try MultiNodeTests.district(folder: folder, url: "sqlite:nhachan.db", hook: hook, units: 30)
        // Unit 30's webhook goes nowhere: a dead letter.
        var yaml = try String(contentsOfFile: config, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: hook.url("/hook/30"), with: "http://127.0.0.1:\(closedLoopbackPort())/hook/30")
        yaml = yaml.replacingOccurrences(of: "state: \"sqlite:nhachan.db\"", with: "state: \"sqlite:nhachan.db\"\nretention_days: 400")
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try BinaryRunner.run(["ack", "-c", config, "--directive", "cv-1", "--unit", "xa-1", "--at", "2024-03-27T07:00"]).status == 0)
        #expect(try BinaryRunner.run(["tick", "-c", config, "--now", "2024-03-27T08:00"]).status == 0)
        let sent = try hook.records().count
        #expect(sent == 28, "29 reminders, 1 acked before, 1 to a closed port")
        // The refused connection retries; make it dead for the test: a permanent failure is the
        // same for the migration.
        let before = try BinaryRunner.run(["outbox", "-c", config, "--format", "json"])

        let url = try await server.createDatabase()
        let there = try BinaryRunner.run(["state", "migrate", "--from", "sqlite:\(folder)/nhachan.db", "--to", url])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("đã chép 29 tin, 1 xác nhận"), "29 deliveries: the acked unit had none")
        let again = try BinaryRunner.run(["state", "migrate", "--from", "sqlite:\(folder)/nhachan.db", "--to", url])
        #expect(again.status == 2, "a non-empty target is refused")
        #expect(again.stderr.contains("not empty"))

        let moved = yaml.replacingOccurrences(of: "state: \"sqlite:nhachan.db\"", with: "state: \"\(url)\"")
        try moved.write(toFile: config, atomically: true, encoding: .utf8)
        let after = try BinaryRunner.run(["outbox", "-c", config, "--format", "json"])
        #expect(after.stdout == before.stdout, "the outbox reads the same on PostgreSQL")
        let status = try BinaryRunner.run(["status", "-c", config, "--now", "2024-03-27T09:00", "--format", "json"])
        #expect(status.stdout.contains("\"reported\""))
        #expect(try BinaryRunner.run(["tick", "-c", config, "--now", "2024-03-27T08:00"]).status == 0)
        #expect(try hook.records().count == sent, "the next tick on the new store sends nothing twice")

        let back = try BinaryRunner.run(["state", "migrate", "--from", url, "--to", "sqlite:\(folder)/back.db"])
        #expect(back.status == 0, "\(back.stderr)")
        let returned = yaml.replacingOccurrences(of: "state: \"sqlite:nhachan.db\"", with: "state: \"sqlite:back.db\"")
        try returned.write(toFile: config, atomically: true, encoding: .utf8)
        let home = try BinaryRunner.run(["outbox", "-c", config, "--format", "json"])
        #expect(home.stdout == before.stdout, "and the same again back on SQLite")
    }
}
}
