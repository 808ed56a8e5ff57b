import NhacHanStore
import Testing

extension ContractCase {
    static let queryCases: [ContractCase] = [
        ContractCase("counts name every state, with zero for the empty ones") { db in
            let store = try db.open()
            #expect(try await store.counts() == Dictionary(uniqueKeysWithValues: DeliveryState.allCases.map { ($0, 0) }))

            try await store.enqueue((0..<4).map { delivery("k\($0)") }, now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 2, leaseSeconds: 60, owner: "w")
            try await store.complete(key: "k0", update: DeliveryUpdate(state: .sent), owner: "w", now: 1_001)
            #expect(try await store.counts() == [.pending: 2, .sending: 1, .sent: 1, .retrying: 0, .expired: 0, .dead: 0])
        },
        ContractCase("the next wake time is the earliest next attempt or lease end") { db in
            let store = try db.open()
            #expect(try await store.nextWakeTime() == nil)
            try await store.enqueue([delivery("a", sendAt: 1_000), delivery("b", sendAt: 5_000)], now: 0)
            #expect(try await store.nextWakeTime() == 1_000)

            _ = try await store.claimDue(now: 1_000, limit: 1, leaseSeconds: 600, owner: "w")
            #expect(try await store.nextWakeTime() == 1_600)
            try await store.complete(key: "a", update: DeliveryUpdate(state: .retrying, nextAttemptAt: 1_200), owner: "w", now: 1_001)
            #expect(try await store.nextWakeTime() == 1_200)
            _ = try await store.claimDue(now: 1_200, limit: 1, leaseSeconds: 600, owner: "w")
            try await store.complete(key: "a", update: DeliveryUpdate(state: .sent), owner: "w", now: 1_202)
            #expect(try await store.nextWakeTime() == 5_000)
        },
        ContractCase("deliveries filter by state and unit, ordered by send time then key") { db in
            let store = try db.open()
            try await store.enqueue([
                delivery("z", sendAt: 100, unit: "xã A"), delivery("y", sendAt: 200, unit: "xã B"),
                delivery("x", sendAt: 200, unit: "xã A"), delivery("w", sendAt: 900, unit: "xã A"),
            ], now: 0)
            _ = try await store.claimDue(now: 150, limit: 10, leaseSeconds: 60, owner: "w")

            #expect(try await store.deliveries(state: nil, unit: nil).map(\.key) == ["z", "x", "y", "w"])
            #expect(try await store.deliveries(state: nil, unit: "xã A").map(\.key) == ["z", "x", "w"])
            #expect(try await store.deliveries(state: .pending, unit: "xã A").map(\.key) == ["x", "w"])
            #expect(try await store.deliveries(state: .sending, unit: "xã B").isEmpty)
        },
        ContractCase("meta keeps the last value written for a key") { db in
            let store = try db.open()
            #expect(try await store.meta("last-tick") == nil)
            try await store.setMeta("last-tick", "1000")
            try await store.setMeta("last-tick", "2000")
            #expect(try await store.meta("last-tick") == "2000")
        },
    ]
}
