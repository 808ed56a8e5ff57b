import NhacHanStore
import NhacHanTestSupport
import Testing

/// The same contract on PostgreSQL 15 from Debian, started by the test run (never skipped: a
/// missing server fails with what to install). Each case gets a fresh database.
@Suite("PostgreSQL store keeps the delivery store contract")
struct PostgresContractTests {
    @Test("on a PostgreSQL database", .timeLimit(.minutes(2)), arguments: ContractCase.all)
    func onPostgres(_ contract: ContractCase) async throws {
        let server = try await PostgresTestServer.start()
        let url = try await server.createDatabase(), other = try await server.createDatabase()
        try await contract.run(StoreUnderTest(
            open: { try PostgresDeliveryStore(url: url, password: nil, caFile: nil) },
            openOther: { try PostgresDeliveryStore(url: other, password: nil, caFile: nil) }))
    }

    @Test("several stores opening a new database at once apply each migration once")
    func concurrentMigrations() async throws {
        let server = try await PostgresTestServer.start()
        let url = try await server.createDatabase()
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask { try await PostgresDeliveryStore.open(url: url, password: nil, caFile: nil).appliedMigrations() }
            }
            for try await applied in group {
                #expect(applied == PostgresDeliveryStore.migrations.map(\.name))
            }
        }
    }

    @Test("finished deliveries move to the history a day later and still count, list and re-queue")
    func history() async throws {
        let server = try await PostgresTestServer.start()
        let url = try await server.createDatabase()
        let store = try await PostgresDeliveryStore.open(url: url, password: nil, caFile: nil)
        try await store.enqueue([delivery("sent"), delivery("dead"), delivery("waiting", sendAt: 9_000)], now: 0)
        let claimed = try await store.claimDue(now: 1_000, limit: 10, leaseSeconds: 60, owner: "w")
        #expect(claimed.count == 2)
        try await store.complete([
            DeliveryCompletion(key: "sent", update: DeliveryUpdate(state: .sent)),
            DeliveryCompletion(key: "dead", update: DeliveryUpdate(state: .dead, error: "550")),
        ], owner: "w", now: 1_000)
        #expect(try await store.archive(finishedBefore: 1_001) == 2)
        #expect(try await server.psql("SELECT count(*) FROM deliveries", database: String(url.split(separator: "/").last!.split(separator: "?")[0])) == "1\n")
        #expect(try await store.counts()[.sent] == 1)
        #expect(try await store.deliveries(state: .dead, unit: nil).map(\.lastError) == ["550"])
        #expect(try await store.enqueue([delivery("sent")], now: 2_000) == 0, "a finished key is not new again")
        #expect(try await store.requeueDead(unit: nil, key: "dead", now: 2_000) == 1)
        #expect(try await store.claimDue(now: 2_000, limit: 10, leaseSeconds: 60, owner: "w").map(\.key) == ["dead"])
    }
    @Test("a dead letter re-queued or work enqueued by one process wakes another's listener; a store on a file never signals", .timeLimit(.minutes(3)))
    func dueSignals() async throws {
        let server = try await PostgresTestServer.start()
        let url = try await server.createDatabase()
        let sleeper = try await PostgresDeliveryStore.open(url: url, password: nil, caFile: nil)
        let other = try await PostgresDeliveryStore.open(url: url, password: nil, caFile: nil)
        var signals = sleeper.dueSignals().makeAsyncIterator()
        // The first signal says the listener is connected (and that something may have been missed).
        #expect(await signals.next() != nil)
        #expect(try await other.enqueue([delivery("new")], now: 0) == 1)
        #expect(await signals.next() != nil, "enqueue wakes the listener")
        let claimed = try await other.claimDue(now: 1_000, limit: 10, leaseSeconds: 60, owner: "w")
        try await other.complete([DeliveryCompletion(key: claimed[0].key, update: DeliveryUpdate(state: .dead, error: "550"))], owner: "w", now: 1_000)
        #expect(try await other.requeueDead(unit: nil, key: "new", now: 2_000) == 1)
        #expect(await signals.next() != nil, "a dead letter sent again wakes the listener")

        let file = try SQLiteDeliveryStore.inMemory()
        var none = file.dueSignals().makeAsyncIterator()
        #expect(await none.next() == nil)
    }
}
