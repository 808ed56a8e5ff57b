import Foundation
import NhacHanStore
import NhacHanSpawn
import Testing

@Suite("SQLite state file")
struct SQLiteFileTests {
    @Test("a new file gets every migration, and reopening it runs none again")
    func migrationsAreRecorded() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("state.sqlite").path
            let expected = ["Create deliveries", "Create acks", "Create meta", "Index deliveries by message"]
            let first = try SQLiteDeliveryStore(path: path)
            #expect(try await first.appliedMigrations() == expected)
            try await first.setMeta("k", "v")

            let reopened = try SQLiteDeliveryStore(path: path)
            #expect(try await reopened.appliedMigrations() == expected)
            #expect(try await reopened.meta("k") == "v")
        }
    }

    @Test("deliveries and acks survive closing and reopening the file")
    func survivesReopen() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("state.sqlite").path
            var claimed: [DeliveryRecord] = []
            do {
                let store = try SQLiteDeliveryStore(path: path)
                try await store.enqueue([delivery("a"), delivery("b", sendAt: 5_000)], now: 0)
                claimed = try await store.claimDue(now: 1_000, limit: 10, leaseSeconds: 60, owner: "w")
                try await store.ack(AckRecord(directive: "d", task: "t", unit: "u", occurrence: "2026-03-31", at: 7))
            }
            let store = try SQLiteDeliveryStore(path: path)
            #expect(try await store.deliveries(state: .sending, unit: nil) == claimed)
            #expect(try await store.deliveries(state: .pending, unit: nil).map(\.key) == ["b"])
            #expect(try await store.acks().map(\.at) == [7])
            #expect(try await store.recordedStageKeys().count == 2)
        }
    }

    @Test("the file is in WAL mode, so readers never wait for the writer")
    func walMode() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("state.sqlite").path
            let store = try SQLiteDeliveryStore(path: path)
            try await store.setMeta("k", "v")
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test("two stores opening the same new file at once both succeed")
    func concurrentFirstOpen() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("state.sqlite").path
            try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<2 {
                    group.addTask { try await SQLiteDeliveryStore(path: path).appliedMigrations() }
                }
                for try await applied in group {
                    #expect(applied.count == 4)
                }
            }
        }
    }

    @Test("a missing folder is created (0700) and the new state file is private (0600)")
    func createsPrivately() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("state/nhachan.db").path
            _ = try SQLiteDeliveryStore(path: path)
            let file = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            let folder = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("state").path)[.posixPermissions] as? Int
            #expect(file == 0o600)
            #expect(folder == 0o700)
        }
    }

    @Test("a folder that cannot be created is named with the system's reason")
    func cannotCreateFolder() async throws {
        try await withTemporaryDirectory { dir in
            let blocker = dir.appendingPathComponent("file").path
            try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
            let path = blocker + "/sub/state.sqlite"
            let error = try #require(throws: StoreError.self) { try SQLiteDeliveryStore(path: path) }
            #expect(error.code == .cannotOpen)
            #expect(error.description.contains("không tạo được thư mục"))
            #expect(error.description.contains("Not a directory"))
        }
    }

    @Test("a file that is not SQLite, an empty file, and another program's database are refused, never re-created",
          arguments: ["garbage", "empty", "foreign"])
    func notAState(_ kind: String) async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("state.sqlite").path
            switch kind {
            case "garbage": try Data(String(repeating: "not sqlite ", count: 200).utf8).write(to: URL(fileURLWithPath: path))
            case "empty": try Data().write(to: URL(fileURLWithPath: path))
            default:
                let other = try ChildProcess.run(
                    "/usr/bin/python3", ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table notes(x)'); c.commit()", path])
                #expect(other.status == 0)
            }
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let error = try #require(throws: StoreError.self) { try SQLiteDeliveryStore(path: path) }
            #expect(error.code == .notAState)
            #expect(error.description.hasPrefix(path))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file must be left as it was")
        }
    }

    @Test("a state file deleted, emptied or replaced after opening is noticed", arguments: ["deleted", "emptied", "replaced"])
    func noticesLoss(_ kind: String) async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("state.sqlite").path
            let store = try SQLiteDeliveryStore(path: path)
            try await store.verifyIntact()
            switch kind {
            case "deleted": try FileManager.default.removeItem(atPath: path)
            case "emptied": try Data().write(to: URL(fileURLWithPath: path), options: [])
            default:
                try FileManager.default.copyItem(atPath: path, toPath: path + ".copy")
                try FileManager.default.removeItem(atPath: path)
                try FileManager.default.moveItem(atPath: path + ".copy", toPath: path)
            }
            await #expect(throws: StoreError.self) { try await store.verifyIntact() }
        }
    }

    @Test("completing a key this worker does not lease is reported with the key, as a StoreError")
    func unknownKey() async throws {
        let store = try SQLiteDeliveryStore.inMemory()
        let error = await #expect(throws: StoreError.self) {
            try await store.complete(key: "nope", update: DeliveryUpdate(state: .sent), owner: "w", now: 0)
        }
        #expect(error?.code == .leaseLost)
        #expect(error?.description.contains("'nope'") == true)
    }
}

@Suite("Claiming whole messages")
struct WholeMessageClaimTests {
    @Test("a batch never splits the recipients of one message")
    func claimKeepsMessagesWhole() async throws {
        let store = try SQLiteDeliveryStore.inMemory()
        let records = (0..<10).flatMap { m in
            (0..<3).map { r in
                DeliveryRecord(
                    key: "m\(m)/email/r\(r)", messageKey: "m\(m)", unit: "xa-\(m)", channel: "email", target: "r\(r)@example.gov.vn",
                    role: r == 0 ? "to" : "cc", sendAt: 100, expiresAt: nil, payload: "{}", stageKeys: ["d/t/xa-\(m)/2024-03-29/due"])
            }
        }
        try await store.enqueue(records, now: 50)
        let first = try await store.claimDue(now: 100, limit: 4, leaseSeconds: 60, owner: "a")
        let messages = Dictionary(grouping: first, by: \.messageKey)
        #expect(messages.count == 2)
        #expect(messages.values.allSatisfy { $0.count == 3 })
        let rest = try await store.claimDue(now: 100, limit: 100, leaseSeconds: 60, owner: "b")
        #expect(rest.count == 24)
    }
}

@Suite("Pruning")
struct PruneTests {
    @Test("finished deliveries older than the retention go, with their stage records; pending ones stay")
    func pruneFinished() async throws {
        let store = try SQLiteDeliveryStore.inMemory()
        func record(_ key: String, stage: String) -> DeliveryRecord {
            DeliveryRecord(
                key: key, messageKey: key, unit: "xa-a", channel: "email", target: "a@example.gov.vn", role: "to",
                sendAt: 100, expiresAt: nil, payload: "{}", stageKeys: [stage])
        }
        try await store.enqueue([record("old", stage: "d/t/xa-a/2023-03-29/due"), record("waiting", stage: "d/t/xa-a/2024-03-29/due")], now: 50)
        _ = try await store.claimDue(now: 100, limit: 1, leaseSeconds: 60, owner: "w")
        try await store.complete(key: "old", update: DeliveryUpdate(state: .sent), owner: "w", now: 100)
        #expect(try await store.prune(finishedBefore: 90) == 0)
        #expect(try await store.prune(finishedBefore: 1_000) == 1)
        #expect(try await store.deliveries(state: nil, unit: nil).map(\.key) == ["waiting"])
        #expect(try await store.recordedStageKeys() == ["d/t/xa-a/2024-03-29/due"])
    }
}
