import NhacHanStore
import Testing

/// One behaviour every ``DeliveryStore`` must have, written once and run against each backend.
///
/// A backend's suite passes each case a ``StoreUnderTest`` on a fresh, empty database; a later
/// PostgreSQL store runs the very same cases (`ContractCase.all`).
struct ContractCase: Sendable, CustomTestStringConvertible {
    var id: String
    var run: @Sendable (StoreUnderTest) async throws -> Void

    init(_ id: String, run: @escaping @Sendable (StoreUnderTest) async throws -> Void) {
        self.id = id
        self.run = run
    }

    var testDescription: String { id }

    /// Whether the case opens the database twice, which a private in-memory database cannot share.
    var needsSecondConnection: Bool { id.hasPrefix("two connections") }

    static let all: [ContractCase] = enqueueCases + claimCases + completionCases + queryCases + ackCases + migrationCases
}

/// A fresh database, and a way to open it as many times as a case needs: each `open()` is a new
/// connection, as a second process or a second node would have.
struct StoreUnderTest: Sendable {
    var open: @Sendable () throws -> any DeliveryStore
    /// A second, empty database of the same kind (a migration's target).
    var openOther: @Sendable () throws -> any DeliveryStore = { throw StoreError(code: .cannotOpen, message: "no second database") }
}

extension ContractCase {
    static let migrationCases: [ContractCase] = [
        ContractCase("two connections: a whole state exported and imported into an empty store is the same; a non-empty target is refused") { db in
            let source = try db.open()
            try await source.enqueue([delivery("a", stageKeys: ["d/t/u/2024-04-01/before-3wd"]), delivery("b"), delivery("c", sendAt: 9_000)], now: 0)
            _ = try await source.claimDue(now: 1_000, limit: 2, leaseSeconds: 60, owner: "w")
            try await source.complete([
                DeliveryCompletion(key: "a", update: DeliveryUpdate(state: .sent, response: "250 ok")),
                DeliveryCompletion(key: "b", update: DeliveryUpdate(state: .dead, error: "550 no such user")),
            ], owner: "w", now: 1_000)
            try await source.ack(AckRecord(directive: "d", task: "t", unit: "u", occurrence: "2024-04-01", at: 1_500, how: "link", note: "số 5"))
            try await source.setMeta("digest_day", "2024-04-01")
            let snapshot = try await source.exportState()
            #expect(snapshot.deliveries.count == 3)

            let target = try db.openOther()
            try await target.importState(snapshot)
            let copied = try await target.exportState()
            #expect(copied.deliveries == snapshot.deliveries)
            #expect(copied.acks == snapshot.acks)
            #expect(copied.meta == snapshot.meta)
            #expect(try await target.recordedStageKeys() == source.recordedStageKeys())
            #expect(try await target.enqueue([delivery("a", stageKeys: ["d/t/u/2024-04-01/before-3wd"])], now: 2_000) == 0, "nothing twice after a migration")
            await #expect(throws: StoreError.self) { try await target.importState(snapshot) }
        },
    ]
}
