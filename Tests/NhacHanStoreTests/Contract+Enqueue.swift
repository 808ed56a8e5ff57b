import NhacHanStore
import Testing

extension ContractCase {
    static let enqueueCases: [ContractCase] = [
        ContractCase("enqueue stores every field of a new delivery") { db in
            let store = try db.open()
            var record = delivery("a", sendAt: 1_000, expiresAt: 2_000)
            record.stageKeys = ["d/t/u/2026-03-31/before-3", "d/t/u/2026-03-31/before-1"]
            #expect(try await store.enqueue([record], now: 500) == 1)

            let stored = try #require(try await store.deliveries(state: nil, unit: nil).first)
            record.createdAt = 500
            record.updatedAt = 500
            #expect(stored == record)
        },
        ContractCase("enqueueing the same keys again inserts nothing and keeps their state") { db in
            let store = try db.open()
            let batch = (0..<5).map { delivery("k\($0)") }
            #expect(try await store.enqueue(batch, now: 900) == 5)
            _ = try await store.claimDue(now: 1_000, limit: 2, leaseSeconds: 60, owner: "w1")
            let before = try await store.deliveries(state: nil, unit: nil)

            #expect(try await store.enqueue(batch, now: 950) == 0)
            #expect(try await store.deliveries(state: nil, unit: nil) == before)
            #expect(try await store.counts()[.sending] == 2)
        },
        ContractCase("a batch mixing old and new keys inserts only the new ones") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a"), delivery("b")], now: 0)
            #expect(try await store.enqueue([delivery("b"), delivery("c"), delivery("c")], now: 0) == 1)
            #expect(try await store.deliveries(state: nil, unit: nil).map(\.key) == ["a", "b", "c"])
        },
        ContractCase("an empty batch inserts nothing") { db in
            let store = try db.open()
            #expect(try await store.enqueue([], now: 0) == 0)
        },
        ContractCase("recorded stage keys are those of every delivery ever enqueued") { db in
            let store = try db.open()
            #expect(try await store.recordedStageKeys().isEmpty)
            try await store.enqueue([
                delivery("a", stageKeys: ["s1", "s2"]),
                delivery("b", stageKeys: ["s2", "s3"]),
                delivery("c", stageKeys: []),
            ], now: 0)
            _ = try await store.claimDue(now: 5_000, limit: 10, leaseSeconds: 60, owner: "w")
            try await store.complete(key: "a", update: DeliveryUpdate(state: .sent), owner: "w", now: 5_001)
            #expect(try await store.recordedStageKeys() == ["s1", "s2", "s3"])
        },
        ContractCase("stage keys come back exactly as written, whatever characters they hold") { db in
            let store = try db.open()
            let odd = ["", "a\"b", "back\\slash", "line\nbreak\ttab\u{1}", "xã Bình Sơn/[1,2]", "\\\""]
            let plain = ["", "xã Bình Sơn/[1,2]", ","]
            try await store.enqueue([delivery("a", stageKeys: odd), delivery("b", stageKeys: []), delivery("c", stageKeys: plain)], now: 0)
            #expect(try await store.deliveries(state: nil, unit: nil).map(\.stageKeys) == [odd, [], plain])
            #expect(try await store.recordedStageKeys() == Set(odd + plain))
        },
        ContractCase("a batch of 100 000 deliveries goes in at once, and again as a no-op") { db in
            let store = try db.open()
            let batch = (0..<100_000).map { delivery("key-\($0)", sendAt: Int64($0 % 1_000)) }
            #expect(try await store.enqueue(batch, now: 0) == 100_000)
            #expect(try await store.enqueue(batch, now: 1) == 0)
            #expect(try await store.counts()[.pending] == 100_000)
            #expect(try await store.recordedStageKeys().count == 100_000)
        },
    ]
}
