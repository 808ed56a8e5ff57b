import NhacHanStore
import Testing

extension ContractCase {
    static let claimCases: [ContractCase] = [
        ContractCase("a claim leases only the due deliveries, earliest first") { db in
            let store = try db.open()
            try await store.enqueue([delivery("late", sendAt: 2_000), delivery("b", sendAt: 1_000), delivery("a", sendAt: 1_000),
                               delivery("first", sendAt: 900)], now: 0)

            let claimed = try await store.claimDue(now: 1_000, limit: 10, leaseSeconds: 60, owner: "w1")
            #expect(claimed.map(\.key) == ["first", "a", "b"])
            for record in claimed {
                #expect(record.state == .sending)
                #expect(record.leaseUntil == 1_060)
                #expect(record.leaseOwner == "w1")
            }
            #expect(try await store.deliveries(state: .sending, unit: nil) == claimed.sorted { ($0.sendAt, $0.key) < ($1.sendAt, $1.key) })
            #expect(try await store.deliveries(state: .pending, unit: nil).map(\.key) == ["late"])
        },
        ContractCase("a claim takes no more than its limit") { db in
            let store = try db.open()
            try await store.enqueue((0..<5).map { delivery("k\($0)") }, now: 0)
            #expect(try await store.claimDue(now: 1_000, limit: 3, leaseSeconds: 60, owner: "w").map(\.key) == ["k0", "k1", "k2"])
            #expect(try await store.claimDue(now: 1_000, limit: 0, leaseSeconds: 60, owner: "w").isEmpty)
        },
        ContractCase("a second claim at the same moment gets nothing") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a"), delivery("b")], now: 0)
            #expect(try await store.claimDue(now: 1_000, limit: 10, leaseSeconds: 60, owner: "w1").count == 2)
            #expect(try await store.claimDue(now: 1_000, limit: 10, leaseSeconds: 60, owner: "w2").isEmpty)
            #expect(try await store.claimDue(now: 1_060, limit: 10, leaseSeconds: 60, owner: "w2").isEmpty)
        },
        ContractCase("a lease that ran out is claimed again by another owner") { db in
            let store = try db.open()
            try await store.enqueue([delivery("a")], now: 0)
            _ = try await store.claimDue(now: 1_000, limit: 10, leaseSeconds: 60, owner: "crashed")

            let again = try await store.claimDue(now: 1_061, limit: 10, leaseSeconds: 60, owner: "w2")
            #expect(again.map(\.key) == ["a"])
            #expect(again.first?.leaseOwner == "w2")
            #expect(again.first?.leaseUntil == 1_121)
        },
        ContractCase("two connections claiming at once never get the same key") { db in
            let first = try db.open()
            let second = try db.open()
            try await first.enqueue((0..<200).map { delivery(String(format: "k%03d", $0), sendAt: Int64($0)) }, now: 0)

            let claims = try await withThrowingTaskGroup(of: [String].self) { group in
                for (index, store) in [first, second].enumerated() {
                    group.addTask {
                        var keys: [String] = []
                        while true {
                            let batch = try await store.claimDue(now: 1_000, limit: 10, leaseSeconds: 60, owner: "w\(index)")
                            if batch.isEmpty { return keys }
                            keys += batch.map(\.key)
                        }
                    }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            let all = claims.flatMap { $0 }
            #expect(all.count == 200)
            #expect(Set(all).count == 200)
        },
    ]
}
