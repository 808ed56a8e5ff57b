/// A tool a delivery test needs is missing: the test fails with this message, never skips.
public struct TestEnvironmentError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
