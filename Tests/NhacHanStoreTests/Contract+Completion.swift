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
        ContractCase("a worker whose lease was taken over cannot record over the new owner's attempt") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a")], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 1, leaseSeconds: 10, owner: "slow")
            let taken = try await store.claimDue(now: 1_011, limit: 1, leaseSeconds: 60, owner: "fast")
            #expect(taken.map(\.key) == ["a"])
            let lost = try await store.complete([DeliveryCompletion(key: "a", update: DeliveryUpdate(state: .dead, error: "late"))], owner: "slow", now: 1_012)
            #expect(lost == ["a"])
            #expect(try await store.deliveries(state: .sending, unit: nil).first?.leaseOwner == "fast")
            try await store.complete(key: "a", update: DeliveryUpdate(state: .sent), owner: "fast", now: 1_013)
            #expect(try await store.deliveries(state: .sent, unit: nil).first?.lastError == nil)
        },
        ContractCase("a lease is renewed while its batch runs, so no one else claims it") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a")], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 1, leaseSeconds: 10, owner: "w")
            #expect(try await store.renewLeases(owner: "w", until: 1_100, now: 1_005) == 1)
            #expect(try await store.claimDue(now: 1_050, limit: 1, leaseSeconds: 60, owner: "other").isEmpty)
            #expect(try await store.renewLeases(owner: "other", until: 2_000, now: 1_050) == 0)
        },
        ContractCase("dead letters are re-queued by unit or key, due at once with a fresh attempt count") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a", unit: "xa-a"), delivery("b", unit: "xa-b")], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 2, leaseSeconds: 60, owner: "w")
            for key in ["a", "b"] {
                try await store.complete(key: key, update: DeliveryUpdate(state: .dead, error: "550"), owner: "w", now: 1_001)
            }
            #expect(try await store.requeueDead(unit: "xa-a", key: nil, now: 2_000) == 1)
            #expect(try await store.requeueDead(unit: nil, key: "a", now: 2_000) == 0)  // already pending
            let again = try await store.claimDue(now: 1_002, limit: 10, leaseSeconds: 60, owner: "w")
            #expect(again.map(\.key) == ["a"] && again.first?.attempts == 0)
            #expect(try await store.requeueDead(unit: nil, key: nil, now: 2_000) == 1)
        },
        ContractCase("only waiting deliveries expire; one being sent finishes its attempt") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a"), delivery("b", sendAt: 5_000)], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 1, leaseSeconds: 60, owner: "w")
            #expect(try await store.expire(keys: ["a", "b"], reason: "acknowledged", now: 1_001) == 1)
            #expect(try await store.deliveries(state: .expired, unit: nil).map(\.key) == ["b"])
            #expect(try await store.deliveries(state: .sending, unit: nil).map(\.key) == ["a"])
        },
        ContractCase("a once-a-day claim succeeds once per value") { db in
            let store = try db.open()
            #expect(try await store.claimMeta("digest_day", "2024-03-26"))
            #expect(try await !store.claimMeta("digest_day", "2024-03-26"))
            #expect(try await store.claimMeta("digest_day", "2024-03-27"))
        },
    ]
}
