import NhacHanStore
import Testing

@Suite("SQLite store keeps the delivery store contract")
struct SQLiteContractTests {
    @Test("on a file", .timeLimit(.minutes(2)), arguments: ContractCase.all)
    func onFile(_ contract: ContractCase) async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("state.sqlite").path
            let other = dir.appendingPathComponent("other.sqlite").path
            try await contract.run(StoreUnderTest(open: { try SQLiteDeliveryStore(path: path) }, openOther: { try SQLiteDeliveryStore(path: other) }))
        }
    }

    @Test("in memory", .timeLimit(.minutes(2)), arguments: ContractCase.all.filter { !$0.needsSecondConnection })
    func inMemory(_ contract: ContractCase) async throws {
        let store = try SQLiteDeliveryStore.inMemory()
        try await contract.run(StoreUnderTest { store })
    }
}
