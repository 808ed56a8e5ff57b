/// A failure of the state database, worded for the coordinator who reads it.
///
/// The message names the database and the operation, and gives SQLite's own reason. It never
/// carries statement arguments, so a secret that travels through the store cannot leak here.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, for code that must tell them apart.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Base: String, Sendable, Hashable {
            case cannotOpen = "cannot open"
            case operationFailed = "operation failed"
            case noSuchDelivery = "no such delivery"
            case unreadableRow = "unreadable row"
            case leaseLost = "lease lost"
            case notAState = "not a state"
            case notEmpty = "not empty"
        }

        let base: Base

        /// The database cannot be opened or migrated.
        public static let cannotOpen = Code(base: .cannotOpen)
        /// A read or a write failed (locked past the busy timeout, disk full, ...).
        public static let operationFailed = Code(base: .operationFailed)
        /// An update names a delivery key that the store does not hold.
        public static let noSuchDelivery = Code(base: .noSuchDelivery)
        /// A row holds a value this version cannot read (a state written by a newer version).
        public static let unreadableRow = Code(base: .unreadableRow)
        /// A completion names a delivery this worker no longer leases (unknown, finished, or taken over).
        public static let leaseLost = Code(base: .leaseLost)
        /// The file is empty, not SQLite, another program's database, deleted or replaced.
        public static let notAState = Code(base: .notAState)
        /// A migration's target already holds a state.
        public static let notEmpty = Code(base: .notEmpty)

        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension StoreError {
    static func cannotOpen(_ path: String, _ reason: String) -> StoreError {
        StoreError(code: .cannotOpen, message: "cannot open the state database at \(path): \(reason)")
    }

    static func operationFailed(_ operation: String, _ path: String, _ reason: String) -> StoreError {
        StoreError(code: .operationFailed, message: "cannot \(operation) in the state database at \(path): \(reason)")
    }

    static func noSuchDelivery(_ key: String, _ path: String) -> StoreError {
        StoreError(code: .noSuchDelivery, message: "no delivery with key '\(key)' in the state database at \(path)")
    }

    static func unreadableRow(_ what: String) -> StoreError {
        StoreError(code: .unreadableRow, message: what)
    }
}

extension StoreError {
    static func leaseLost(_ key: String) -> StoreError {
        StoreError(code: .leaseLost, message: "delivery '\(key)' is not leased by this worker (unknown, finished, or taken over)")
    }

    static func notAState(_ path: String, _ why: String) -> StoreError {
        StoreError(code: .notAState, message: "\(path): \(why)")
    }
}
