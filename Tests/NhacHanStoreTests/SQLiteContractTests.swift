import NhacHanStore
import Testing

@Suite("SQLite store keeps the delivery store contract")
struct SQLiteContractTests {
    @Test("on a file", .timeLimit(.minutes(2)), arguments: ContractCase.all)
    func onFile(_ contract: ContractCase) async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("state.sqlite").path
            try await contract.run(StoreUnderTest { try SQLiteDeliveryStore(path: path) })
        }
    }

    @Test("in memory", .timeLimit(.minutes(2)), arguments: ContractCase.all.filter { !$0.needsSecondConnection })
    func inMemory(_ contract: ContractCase) async throws {
        let store = try SQLiteDeliveryStore.inMemory()
        try await contract.run(StoreUnderTest { store })
    }
}
