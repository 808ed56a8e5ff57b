// Plans a synthetic province for one year and prints reminders per second and peak memory.
//
// Usage: bench-plan SCALE [--dump FILE]
//   SCALE  percent of the full size (3,000 units; 1,000 directives each addressed to 100-700 units,
//          5 stages each: about 2 million reminders).
//   --dump writes the same input (working-day table and directives) for the C peer in bench/peers/plan.c.
import Foundation
import NhacHanCore

/// SplitMix64, the same generator the C peer uses, so both plan the same province.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let arguments = CommandLine.arguments
let scale = arguments.count > 1 ? (Int(arguments[1]) ?? 100) : 100
let dumpPath = arguments.firstIndex(of: "--dump").map { arguments[$0 + 1] }

let unitCount = 3_000
let directiveCount = 1_000 * scale / 100
var random = SplitMix64(state: 20_240_325)
let units = (0..<unitCount).map { OfficeUnit(id: String(format: "u%04d", $0), name: "Đơn vị \($0)") }
let year2024 = CivilDate(year: 2024, month: 1, day: 1)!
var directives: [Directive] = []
var dump = ""
for d in 0..<directiveCount {
    let addressed = 100 + random.below(601)
    var chosen = Set<Int>()
    while chosen.count < addressed { chosen.insert(random.below(unitCount)) }
    let due = year2024.adding(days: 14 + random.below(330))
    let ids = chosen.sorted()
    dump += "\(due.dayNumber) \(ids.count) " + ids.map(String.init).joined(separator: " ") + "\n"
    let task = DirectiveTask(id: "bao-cao", units: ids.map { units[$0].id }, action: "Báo cáo", due: .before(due))
    directives.append(Directive(id: "d\(d)", issuer: "UBND tỉnh", subject: "Văn bản \(d)", tasks: [task]))
}
let policy = Policy(
    id: "bench", sendAt: 8 * 60,
    before: [DayCount(7, working: false), DayCount(3, working: true), DayCount(1, working: true)],
    onDueDay: true, overdue: OverdueRepeat(every: DayCount(2, working: true), max: 1))
let registry = Registry(units: units, policies: ["bench": policy], defaultPolicy: "bench", directives: directives)

let buildStart = DispatchTime.now()
let calendar = VietnameseCalendar(years: 2023...2026)
let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart.uptimeNanoseconds) / 1e9

if let dumpPath {
    var table = ""
    let first = CivilDate(year: 2023, month: 1, day: 1)!
    for offset in 0..<(366 * 4) {
        table += calendar.isWorkingDay(first.adding(days: offset)) ? "1" : "0"
    }
    try! "\(first.dayNumber) \(table.count) \(table)\n\(directives.count)\n\(dump)".write(toFile: dumpPath, atomically: true, encoding: .utf8)
}

let planner = Planner(registry: registry, calendar: calendar)
let request = PlanRequest(
    now: LocalTime(day: year2024), to: LocalTime(day: CivilDate(year: 2025, month: 3, day: 1)!))
_ = planner.plan(PlanRequest(now: LocalTime(day: year2024), to: LocalTime(day: year2024.adding(days: 30))))

var best = Double.infinity
var reminders = 0
var messages = 0
for _ in 0..<3 {
    let start = DispatchTime.now()
    let plan = planner.plan(request)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    best = min(best, seconds)
    reminders = plan.reminders.count
    messages = plan.messageCount
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let peakBytes = Double(usage.ru_maxrss) * 1024
print("swift scale=\(scale)% directives=\(directiveCount) units=\(unitCount) reminders=\(reminders) messages=\(messages)")
print("swift reminders_per_second \(Int(Double(reminders) / best))")
print("swift plan_seconds \(String(format: "%.3f", best))")
print("swift peak_rss_bytes \(Int(peakBytes))")
print("swift bytes_per_reminder \(String(format: "%.1f", peakBytes / Double(max(reminders, 1))))")
print("swift calendar_table_build_seconds \(String(format: "%.4f", buildSeconds))")
