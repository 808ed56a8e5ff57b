import NhacHanStore
import Testing

extension ContractCase {
    static let ackCases: [ContractCase] = [
        ContractCase("the same ack by a second path is one ack, and the first one stands") { db in
            let store = try db.open()
            try await store.ack(AckRecord(directive: "d", task: "t", unit: "u", occurrence: "2026-03-31", at: 10, note: "qua điện thoại"))
            try await store.ack(AckRecord(directive: "d", task: "t", unit: "u", occurrence: "2026-03-31", at: 20, how: "link", note: "đã nộp"))
            #expect(try await store.acks() == [
                AckRecord(directive: "d", task: "t", unit: "u", occurrence: "2026-03-31", at: 10, how: "cli", note: "qua điện thoại"),
            ])
        },
        ContractCase("acks are listed by directive, task, unit and occurrence") { db in
            let store = try db.open()
            let acks = [
                AckRecord(directive: "b", task: "t", unit: "u", occurrence: "2026-01-31", at: 1),
                AckRecord(directive: "a", task: "t2", unit: "u", occurrence: "2026-01-31", at: 2),
                AckRecord(directive: "a", task: "t1", unit: "v", occurrence: "2026-01-31", at: 3),
                AckRecord(directive: "a", task: "t1", unit: "u", occurrence: "2026-02-28", at: 4),
                AckRecord(directive: "a", task: "t1", unit: "u", occurrence: "2026-01-31", at: 5),
            ]
            for ack in acks { try await store.ack(ack) }
            #expect(try await store.acks().map(\.at) == [5, 4, 3, 2, 1])
        },
        ContractCase("unack removes only what its filters match and says how many") { db in
            let store = try db.open()
            for (task, occurrence) in [("t1", "2026-01-31"), ("t1", "2026-02-28"), ("t2", "2026-01-31")] {
                try await store.ack(AckRecord(directive: "d", task: task, unit: "u", occurrence: occurrence, at: 0))
            }
            try await store.ack(AckRecord(directive: "d", task: "t1", unit: "other", occurrence: "2026-01-31", at: 0))
            try await store.ack(AckRecord(directive: "e", task: "t1", unit: "u", occurrence: "2026-01-31", at: 0))

            #expect(try await store.unack(directive: "d", task: "t1", unit: "u", occurrence: "2026-02-28") == 1)
            #expect(try await store.unack(directive: "d", task: "t1", unit: "u", occurrence: "2026-02-28") == 0)
            #expect(try await store.unack(directive: "d", task: nil, unit: "u", occurrence: "2026-01-31") == 2)
            #expect(try await store.acks().map { "\($0.directive)/\($0.unit)" } == ["d/other", "e/u"])
            #expect(try await store.unack(directive: "e", task: nil, unit: "u", occurrence: nil) == 1)
            #expect(try await store.acks().count == 1)
        },
    ]
}
