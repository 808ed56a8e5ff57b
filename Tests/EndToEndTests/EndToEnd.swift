import Testing

/// Every test of the built binary, one at a time.
///
/// They spend their time waiting on child processes and loopback servers; run side by side on
/// a 2-core machine they held every thread of the test run's small pool and starved the unit
/// tests past their time limits. Serialised here, they hold at most one.
@Suite("The nhachan binary", .serialized)
struct EndToEnd {}
