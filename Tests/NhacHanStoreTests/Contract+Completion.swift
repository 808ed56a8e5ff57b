import NhacHanStore
import Testing

extension ContractCase {
    static let completionCases: [ContractCase] = [
        ContractCase("a sent delivery records its time and answer and gives up its lease") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a")], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 1, leaseSeconds: 60, owner: "w")
            try await store.complete(key: "a", update: DeliveryUpdate(state: .sent, response: "250 2.0.0 Ok"), owner: "w", now: 1_005)

            let sent = try #require(try await store.deliveries(state: .sent, unit: nil).first)
            #expect(sent.attempts == 1)
            #expect(sent.sentAt == 1_005)
            #expect(sent.updatedAt == 1_005)
            #expect(sent.response == "250 2.0.0 Ok")
            #expect(sent.leaseUntil == nil && sent.leaseOwner == nil)
            #expect(try await store.claimDue(now: 9_999, limit: 1, leaseSeconds: 60, owner: "w").isEmpty)
        },
        ContractCase("expired and dead deliveries are final and keep their reason") { db in
            let store = try db.open()
            try await store.enqueue([delivery("gone"), delivery("refused")], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 2, leaseSeconds: 60, owner: "w")
            try await store.complete(
                key: "gone", update: DeliveryUpdate(state: .expired, error: "deadline passed", countsAsAttempt: false), owner: "w", now: 1_001)
            try await store.complete(
                key: "refused", update: DeliveryUpdate(state: .dead, error: "550 5.1.1 no such user"), owner: "w", now: 1_002)

            let expired = try #require(try await store.deliveries(state: .expired, unit: nil).first)
            #expect(expired.attempts == 0)
            #expect(expired.lastError == "deadline passed")
            #expect(expired.sentAt == nil)
            let dead = try #require(try await store.deliveries(state: .dead, unit: nil).first)
            #expect(dead.attempts == 1)
            #expect(dead.lastError == "550 5.1.1 no such user")
            #expect(dead.leaseOwner == nil)
            #expect(try await store.claimDue(now: 9_999, limit: 10, leaseSeconds: 60, owner: "w").isEmpty)
            #expect(try await store.nextWakeTime() == nil)
        },
        ContractCase("a retrying delivery comes back at its next attempt, not before") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a")], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 1, leaseSeconds: 60, owner: "w")
            try await store.complete(
                key: "a", update: DeliveryUpdate(state: .retrying, nextAttemptAt: 1_300, error: "421 try later"), owner: "w", now: 1_010)

            #expect(try await store.nextWakeTime() == 1_300)
            #expect(try await store.claimDue(now: 1_299, limit: 1, leaseSeconds: 60, owner: "w").isEmpty)
            let again = try await store.claimDue(now: 1_300, limit: 1, leaseSeconds: 60, owner: "w")
            #expect(again.map(\.key) == ["a"])
            #expect(again.first?.attempts == 1)
            #expect(again.first?.lastError == "421 try later")

            try await store.complete(key: "a", update: DeliveryUpdate(state: .sent), owner: "w", now: 1_305)
            let sent = try #require(try await store.deliveries(state: .sent, unit: nil).first)
            #expect(sent.attempts == 2)
            #expect(sent.lastError == "421 try later")
        },
        ContractCase("completing an unknown key is an error") { db in
            let store = try db.open()
            await #expect(throws: StoreError.self) {
                try await store.complete(key: "nope", update: DeliveryUpdate(state: .sent), owner: "w", now: 0)
            }
        },
        ContractCase("releasing one owner's leases makes its deliveries due again, and no one else's") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a"), delivery("b"), delivery("c")], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 1, leaseSeconds: 60, owner: "w1")
            _ = try await store.claimDue(now: 1_000, limit: 1, leaseSeconds: 60, owner: "w2")
            try await store.releaseLeases(owner: "w1", now: 1_010)

            let pending = try await store.deliveries(state: .pending, unit: nil)
            #expect(pending.map(\.key) == ["a", "c"])
            #expect(pending.allSatisfy { $0.leaseOwner == nil && $0.leaseUntil == nil })
            #expect(try await store.deliveries(state: .sending, unit: nil).map(\.leaseOwner) == ["w2"])
            #expect(try await store.claimDue(now: 1_010, limit: 10, leaseSeconds: 60, owner: "w3").map(\.key) == ["a", "c"])
        },
        ContractCase("releasing every lease sends a delivery tried before back to retrying") { db in
            let store = try db.open()
            try await store.enqueue([delivery("fresh"), delivery("tried")], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 2, leaseSeconds: 60, owner: "w1")
            try await store.complete(key: "tried", update: DeliveryUpdate(state: .retrying, nextAttemptAt: 1_100), owner: "w1", now: 1_001)
            _ = try await store.claimDue(now: 1_100, limit: 2, leaseSeconds: 60, owner: "w2")
            try await store.releaseLeases(owner: nil, now: 1_101)

            #expect(try await store.deliveries(state: .pending, unit: nil).map(\.key) == ["fresh"])
            #expect(try await store.deliveries(state: .retrying, unit: nil).map(\.key) == ["tried"])
            #expect(try await store.counts()[.sending] == 0)
        },
    ]
}
