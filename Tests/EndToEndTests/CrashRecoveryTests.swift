import Foundation
import NhacHanSpawn
import NhacHanTestSupport
import Testing

extension EndToEnd {
@Suite("Crash recovery", .timeLimit(.minutes(3)))
struct CrashRecoveryTests {
    @Test("nhachan run killed with SIGKILL in the middle of a batch of 200, then restarted: every message delivered, duplicates only from the batch in flight, with the same key")
    func killedMidBatch() throws {
        let secret = "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu"
        let hook = try HTTPTestServer(replies: ["200@40"], secret: secret)
        defer { hook.stop() }
        let folder = NSTemporaryDirectory() + "nhachan-crash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (secret + "\n").write(toFile: folder + "/hook.secret", atomically: true, encoding: .utf8)
        let units = (1...200).map { n in
            "  - {id: xa-\(n), name: UBND xã số \(n), webhooks: [{url: \"\(hook.url("/hook/\(n)"))\", secret_file: hook.secret}]}"
        }.joined(separator: "\n")
        let config = folder + "/nhachan.yaml"
        try """
            policies:
              p: {send_at: "08:00", before: [1wd]}
            default_policy: p
            units:
            \(units)
            groups:
              - {id: tat-ca, name: Tất cả các xã, members: [\((1...200).map { "xa-\($0)" }.joined(separator: ", "))]}
            directives:
              - id: cv-1
                issuer: UBND huyện
                subject: "V/v báo cáo"
                tasks:
                  - {id: bao-cao, units: [tat-ca], action: Báo cáo, due: {before: 2024-03-29}}
            """.write(toFile: config, atomically: true, encoding: .utf8)

        let daemon = try ChildProcess(BinaryRunner.binary, ["run", "-c", config, "--now", "2024-03-27T07:59:59", "--until", "2024-03-27T09:00"])
        let deadline = Date().addingTimeInterval(60)
        while try hook.records().count < 40 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        daemon.signal(SIGKILL)
        daemon.waitForExit()
        let beforeRestart = try hook.records().count
        #expect(beforeRestart >= 40 && beforeRestart < 200, "the kill should land mid-batch: \(beforeRestart) received")

        let restart = try BinaryRunner.run(["tick", "-c", config, "--now", "2024-03-27T08:05"])
        #expect(restart.status == 0, "\(restart.stderr)")
        let records = try hook.records()
        let ids = records.map { $0.headers["webhook-id"] ?? "" }
        let counts = Dictionary(grouping: ids, by: { $0 }).mapValues(\.count)
        #expect(counts.count == 200)  // every message delivered
        #expect(counts.values.allSatisfy { $0 <= 2 })
        let duplicates = counts.values.filter { $0 == 2 }.count
        // Only the batch on the wire at the kill (at most 250 deliveries) is unrecorded: a duplicate
        // is a message that had arrived before the kill.
        #expect(duplicates <= min(beforeRestart, 250), "only the batch in flight may be sent twice; got \(duplicates) duplicates")
        // A duplicate carries the same key and the same path (unit) both times.
        for (id, count) in counts where count == 2 {
            #expect(Set(records.filter { $0.headers["webhook-id"] == id }.map(\.path)).count == 1)
        }
        let outbox = try BinaryRunner.run(["outbox", "-c", config, "--format", "json"])
        let states = (try JSONSerialization.jsonObject(with: Data(outbox.stdout.utf8)) as? [[String: Any]] ?? []).map { $0["state"] as? String }
        #expect(states.count == 200 && states.allSatisfy { $0 == "sent" })
    }
}

@Suite("The daemon", .timeLimit(.minutes(2)))
struct DaemonTests {
    @Test("nhachan run sends when its clock reaches a send time, keeps the last good config on a bad reload, and stops on SIGTERM")
    func runReloadAndStop() async throws {
        let secret = "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu"
        let hook = try HTTPTestServer(secret: secret)
        defer { hook.stop() }
        let folder = NSTemporaryDirectory() + "nhachan-daemon-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (secret + "\n").write(toFile: folder + "/hook.secret", atomically: true, encoding: .utf8)
        let config = folder + "/nhachan.yaml"
        let good = """
            policies:
              p: {send_at: "08:00", before: [1wd]}
            default_policy: p
            units:
              - {id: xa-a, name: UBND xã A, webhooks: [{url: "\(hook.url())", secret_file: hook.secret}]}
            directives:
              - id: cv-1
                issuer: UBND huyện
                subject: "V/v báo cáo"
                tasks:
                  - {id: bao-cao, units: [xa-a], action: Báo cáo, due: {before: 2024-03-29}}
            """
        try good.write(toFile: config, atomically: true, encoding: .utf8)
        // A simulated clock a minute before the send time, running 30 times faster.
        let daemon = try DaemonProcess(["-c", config, "--now", "2024-03-27T07:59:00", "--speed", "30"], folder: folder)
        #expect(try await eventually(30) { try hook.records().count == 1 })
        try (good + "\n  - {broken").write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(await eventually(30) { daemon.log.contains("giữ cấu hình cũ") })
        #expect(daemon.isRunning)
        daemon.signal(SIGTERM)
        #expect(await daemon.wait(seconds: 30) == 0)
        #expect(daemon.log.contains("nhachan dừng"))
        #expect(try hook.records().count == 1)
    }
}
}
