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

    static let all: [ContractCase] = enqueueCases + claimCases + completionCases + queryCases + ackCases
}

/// A fresh database, and a way to open it as many times as a case needs: each `open()` is a new
/// connection, as a second process or a second node would have.
struct StoreUnderTest: Sendable {
    var open: @Sendable () throws -> any DeliveryStore
}
