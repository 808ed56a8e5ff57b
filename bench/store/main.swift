// The claim-and-complete micro-benchmark of a delivery store alone: enqueue DELIVERIES due
// rows, then claim them in batches and record each batch sent, as the runner does, and print
// the rate. Usage: bench-store (--sqlite PATH | --postgres URL) [--deliveries N] [--batch B]
import Foundation
import NhacHanStore

struct Options {
    var store: (any DeliveryStore)?
    var label = ""
    var deliveries = 50_000
    var batch = 250
}

func parse() async throws -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    while let argument = arguments.next() {
        guard let value = arguments.next() else { fatalError("\(argument) needs a value") }
        switch argument {
        case "--sqlite": options.store = try SQLiteDeliveryStore(path: value); options.label = "sqlite"
        case "--postgres": options.store = try await PostgresDeliveryStore.open(url: value, password: nil, caFile: nil); options.label = "postgres"
        case "--deliveries": options.deliveries = Int(value)!
        case "--batch": options.batch = Int(value)!
        default: fatalError("unknown option \(argument)")
        }
    }
    return options
}

func record(_ n: Int) -> DeliveryRecord {
    DeliveryRecord(
        key: "bench-\(n)", messageKey: "msg-\(n)", unit: "don-vi-\(n % 2_000)", channel: "email", target: "don-vi-\(n)@bench.example.gov.vn",
        role: "to", sendAt: 1_000, expiresAt: nil, payload: #"{"subject":"Nhắc hạn: báo cáo kết quả","body":"…"}"#,
        stageKeys: ["bc/bao-cao/don-vi-\(n % 2_000)/2024-03-29/before-1wd"])
}

let options = try await parse()
guard let store = options.store else { fatalError("--sqlite PATH or --postgres URL") }
let clock = ContinuousClock()
var started = clock.now
for chunk in stride(from: 0, to: options.deliveries, by: 2_000) {
    try await store.enqueue((chunk..<min(chunk + 2_000, options.deliveries)).map(record), now: 0)
}
let enqueued = clock.now - started
started = clock.now
var done = 0
while true {
    let batch = try await store.claimDue(now: 2_000, limit: options.batch, leaseSeconds: 45, owner: "bench")
    if batch.isEmpty { break }
    let lost = try await store.complete(
        batch.map { DeliveryCompletion(key: $0.key, update: DeliveryUpdate(state: .sent, response: "250 OK")) }, owner: "bench", now: 2_001)
    precondition(lost.isEmpty, "lease lost")
    done += batch.count
}
let claimed = clock.now - started
precondition(done == options.deliveries, "claimed \(done) of \(options.deliveries)")
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
print(String(format: "%@ enqueue_per_s %.0f claim_complete_per_s %.0f deliveries %d batch %d",
             options.label, Double(done) / seconds(enqueued), Double(done) / seconds(claimed), done, options.batch))
