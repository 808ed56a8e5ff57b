import Foundation
import NhacHanTestSupport
import Testing

/// Several `nhachan run` on one PostgreSQL, as a province deploys them.
extension EndToEnd {
@Suite("Several daemons on one PostgreSQL", .serialized, .timeLimit(.minutes(6)))
struct MultiNodeTests {
    static let secret = "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu"

    /// A district of `units` communes, each with a webhook, all due at 08:00 on 27/3/2024.
    static func district(folder: String, url: String, hook: HTTPTestServer, units: Int, smtp: SMTPTestServer? = nil) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (secret + "\n").write(toFile: folder + "/hook.secret", atomically: true, encoding: .utf8)
        let list = (1...units).map { n in
            "  - {id: xa-\(n), name: UBND xã số \(n), webhooks: [{url: \"\(hook.url("/hook/\(n)"))\", secret_file: hook.secret}]"
                + (smtp == nil ? "}" : ", email: {to: [vanthu@xa-\(n).example.gov.vn]}}")
        }.joined(separator: "\n")
        let config = folder + "/nhachan.yaml"
        try """
            state: "\(url)"
            \(smtp.map { "smtp: {url: \"smtp://127.0.0.1:\($0.port)\", starttls: off, from: \"Nhắc hạn <nhachan@huyen.example.gov.vn>\"}" } ?? "")
            policies:
              p: {send_at: "08:00", before: [1wd]}
            default_policy: p
            units:
            \(list)
            groups:
              - {id: tat-ca, name: Tất cả các xã, members: [\((1...units).map { "xa-\($0)" }.joined(separator: ", "))]}
            directives:
              - id: cv-1
                issuer: UBND huyện
                subject: "V/v báo cáo"
                tasks:
                  - {id: bao-cao, units: [tat-ca], action: Báo cáo, due: {before: 2024-03-29}}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        return config
    }

    static func nodes(_ count: Int, config: String, folder: String) throws -> [DaemonProcess] {
        try (0..<count).map { _ in try DaemonProcess(["-c", config, "--now", "2024-03-27T07:59:58"], folder: folder) }
    }

    /// The idempotency keys received so far; a line the receiver is still writing is read next time.
    static func keys(_ hook: HTTPTestServer) throws -> [String] {
        ((try? hook.records()) ?? []).compactMap { $0.headers["webhook-id"] ?? $0.headers["Webhook-Id"] }
    }

    @Test("1, 2 and 3 daemons deliver the same due work once each; the time to finish is printed")
    func scaling() async throws {
        let server = try await PostgresTestServer.start()
        var times: [String] = []
        for count in 1...3 {
            let hook = try HTTPTestServer(replies: ["200@40"], secret: Self.secret)
            defer { hook.stop() }
            let folder = NSTemporaryDirectory() + "nhachan-nodes-\(UUID().uuidString)"
            let config = try Self.district(folder: folder, url: try await server.createDatabase(), hook: hook, units: 600)
            let started = Date()
            let daemons = try Self.nodes(count, config: config, folder: folder)
            let done = try await eventually(120) { try Self.keys(hook).count >= 600 }
            let elapsed = Date().timeIntervalSince(started)
            for daemon in daemons { daemon.signal(SIGTERM) }
            for daemon in daemons { #expect(await daemon.wait(seconds: 15) == 0, "\(daemon.log)") }
            #expect(done, "every delivery arrives with \(count) node(s)")
            let keys = try Self.keys(hook)
            #expect(keys.count == 600 && Set(keys).count == 600, "each key once, with \(count) node(s)")
            times.append("\(count) node(s): \(String(format: "%.1f", elapsed)) s")
        }
        print("time to deliver 600 webhooks (40 ms each) from a cold start: " + times.joined(separator: ", "))
    }

    @Test("three daemons, one killed with SIGKILL mid-batch, 1500 emails and 1500 webhooks: every delivery arrives, a key twice only if it was in the killed node's batch, and the others take its claims over within a minute")
    func nodeKilled() async throws {
        let server = try await PostgresTestServer.start()
        let hook = try HTTPTestServer(replies: ["200@60"], secret: Self.secret)
        defer { hook.stop() }
        var plain = SMTPTestServer.Options()
        plain.tls = .none
        plain.auth = nil
        let smtp = try SMTPTestServer(plain)
        defer { smtp.stop() }
        let folder = NSTemporaryDirectory() + "nhachan-kill-\(UUID().uuidString)"
        let url = try await server.createDatabase()
        let database = String(url.split(separator: "/").last!.split(separator: "?")[0])
        let config = try Self.district(folder: folder, url: url, hook: hook, units: 1500, smtp: smtp)
        let daemons = try Self.nodes(3, config: config, folder: folder)
        let victim = daemons[0]
        // Mid-batch: the victim holds leases and some webhooks have arrived.
        let midBatch = try await eventually(60) {
            // Before the daemons made the schema, there is nothing to count yet.
            let held = (try? await server.psql("SELECT count(*) FROM deliveries WHERE state = 'sending' AND lease_owner LIKE '%/\(victim.pid)/%'", database: database)) ?? ""
            let arrived = try Self.keys(hook).count
            return (Int(held.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0 && arrived > 100
        }
        #expect(midBatch)
        victim.signal(SIGKILL)
        let killed = Date()
        let inFlight = Set(try await server.psql(
            "SELECT key FROM deliveries WHERE state = 'sending' AND lease_owner LIKE '%/\(victim.pid)/%'", database: database)
            .split(separator: "\n").map(String.init))
        #expect(!inFlight.isEmpty)
        let emailsInFlight = Int(try await server.psql(
            "SELECT count(*) FROM deliveries WHERE state = 'sending' AND channel = 'email' AND lease_owner LIKE '%/\(victim.pid)/%'", database: database)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        // Taken over: no row is held by the dead node any more.
        let retaken = try await eventually(90) {
            let held = (try? await server.psql("SELECT count(*) FROM deliveries WHERE lease_owner LIKE '%/\(victim.pid)/%'", database: database)) ?? ""
            return held.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
        }
        let takeover = Date().timeIntervalSince(killed)
        // 45 s of lease, then the survivors' next claim: they read the clock again before each batch.
        #expect(retaken && takeover < 60, "the survivors take the dead node's claims over within a minute (\(takeover) s)")
        let finished = try await eventually(150) {
            Set(try Self.keys(hook)).count >= 1500 && Set(((try? smtp.messages()) ?? []).compactMap(\.message_id)).count >= 1500
        }
        let done = Date().timeIntervalSince(killed)
        #expect(finished, "every delivery arrives")
        let keys = try Self.keys(hook)
        var seen = Set<String>(), twice = Set<String>()
        for key in keys where !seen.insert(key).inserted { twice.insert(key) }
        #expect(twice.isSubset(of: inFlight), "duplicates only from the killed node's batch: \(twice.subtracting(inFlight).prefix(5))")
        let mails = try smtp.messages().compactMap(\.message_id)
        let mailedTwice = mails.count - Set(mails).count
        #expect(mailedTwice <= emailsInFlight, "emails twice (\(mailedTwice)) only from the killed node's batch (\(emailsInFlight) emails)")
        let left = try await server.psql("SELECT count(*) FROM deliveries WHERE state <> 'sent'", database: database)
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        print("killed node: \(emailsInFlight) emails in flight, \(mailedTwice) mailed twice;")
        print("killed node: \(inFlight.count) deliveries in flight, \(twice.count) sent twice; claims taken over \(String(format: "%.1f", takeover)) s and all delivered \(String(format: "%.1f", done)) s after the kill")
        for daemon in daemons.dropFirst() { daemon.signal(SIGTERM) }
        for daemon in daemons.dropFirst() { #expect(await daemon.wait(seconds: 15) == 0) }
    }

    @Test("SIGTERM mid-batch on PostgreSQL: the daemon records its batch and gives its leases back before the pool stops; exit 0, nothing left in sending")
    func stopMidBatch() async throws {
        let server = try await PostgresTestServer.start()
        let hook = try HTTPTestServer(replies: ["200@200"], secret: Self.secret)
        defer { hook.stop() }
        let folder = NSTemporaryDirectory() + "nhachan-pgstop-\(UUID().uuidString)"
        let url = try await server.createDatabase()
        let database = String(url.split(separator: "/").last!.split(separator: "?")[0])
        let config = try Self.district(folder: folder, url: url, hook: hook, units: 600)
        let daemon = try Self.nodes(1, config: config, folder: folder)[0]
        let midBatch = try await eventually(60) {
            let held = (try? await server.psql("SELECT count(*) FROM deliveries WHERE state = 'sending'", database: database)) ?? ""
            let arrived = try Self.keys(hook).count
            return (Int(held.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0 && arrived > 20
        }
        #expect(midBatch)
        daemon.signal(SIGTERM)
        #expect(await daemon.wait(seconds: 15) == 0, "\(daemon.log)")
        let sending = try await server.psql("SELECT count(*) FROM deliveries WHERE state = 'sending'", database: database)
        #expect(sending.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "every lease recorded or given back")
    }

    @Test("two daemons through a killed backend connection and a PostgreSQL restart: they reconnect and finish, each key once or within the batches cut short, nothing lost")
    func databaseGoesAway() async throws {
        let server = try await PostgresTestServer.startPrivate()
        let hook = try HTTPTestServer(replies: ["200@40"], secret: Self.secret)
        defer { hook.stop() }
        let folder = NSTemporaryDirectory() + "nhachan-pgdown-\(UUID().uuidString)"
        let url = try await server.createDatabase()
        let database = String(url.split(separator: "/").last!.split(separator: "?")[0])
        let config = try Self.district(folder: folder, url: url, hook: hook, units: 900)
        let daemons = try Self.nodes(2, config: config, folder: folder)
        #expect(try await eventually(60) { try Self.keys(hook).count > 150 })
        // Every backend of the daemons killed, the pool's and the listener's alike.
        let killed = try await server.psql(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()")
        #expect((Int(killed.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0)
        #expect(try await eventually(60) { try Self.keys(hook).count > 450 }, "sending goes on after the backends were killed")
        try await server.restart(downFor: 3)
        let finished = try await eventually(150) { Set(try Self.keys(hook)).count >= 900 }
        let arrived = Set(try Self.keys(hook)).count
        #expect(finished, "every delivery arrives after the restart: \(arrived) of 900")
        for daemon in daemons { #expect(daemon.isRunning, "a daemon survives its database going away: \(daemon.log)") }
        let left = try await server.psql("SELECT count(*) FROM deliveries WHERE state <> 'sent'", database: database)
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let keys = try Self.keys(hook)
        print("database away: \(keys.count) webhooks received for 900 deliveries (\(keys.count - Set(keys).count) again, from batches cut short)")
        let logs = daemons.map(\.log).joined()
        #expect(["tick failed", "unreachable", "connectionError"].contains { logs.contains($0) }, "the daemons saw the database go: \(logs.suffix(2000))")
        for daemon in daemons { daemon.signal(SIGTERM) }
        for daemon in daemons { #expect(await daemon.wait(seconds: 15) == 0, "\(daemon.log)") }
        try await server.stop()
    }
}
}
