// Benchmark of the Vietnamese working-day calendar: table build cost and per-query cost
// of isWorkingDay and adding(workingDays:to:), after warm-up. With `--dump FILE` it
// also writes the table's arrays and the query set for the C peer (bench/peers/calendar.c),
// which bench/calendar.sh runs in the same session for comparison.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NhacHanCore

let queryCount = 1 << 20
let rounds = 20

/// The same generator as the C peer, so both answer the same queries.
struct LCG {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }
}

func nanoseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e9 + Double(d.components.attoseconds) / 1e9
}

let clock = ContinuousClock()

// Build cost: one year, then the default century.
var sink = 0
var built = VietnameseCalendar(years: 2024...2024)
let yearBuilds = 50
let yearBuild = clock.measure {
    for i in 0..<yearBuilds {
        built = VietnameseCalendar(years: (2020 + i % 10)...(2020 + i % 10))
        sink &+= built.years.lowerBound
    }
}
var calendar = VietnameseCalendar()
let centuryBuild = clock.measure { calendar = VietnameseCalendar(years: 2000...2100) }

// Queries: days of 2001-2099, steps of -60...60 working days (never leaving the table).
let base = CivilDate(year: 2001, month: 1, day: 1)!.dayNumber
let span = CivilDate(year: 2099, month: 1, day: 1)!.dayNumber - base
var rng = LCG()
var days = [Int](repeating: 0, count: queryCount)
var steps = [Int](repeating: 0, count: queryCount)
for i in 0..<queryCount {
    days[i] = base + rng.next(span)
    steps[i] = rng.next(121) - 60
}

func runIsWorking(_ calendar: VietnameseCalendar, _ days: [Int]) -> Int {
    var count = 0
    for d in days where calendar.isWorkingDay(CivilDate(dayNumber: d)) { count &+= 1 }
    return count
}

func runAdding(_ calendar: VietnameseCalendar, _ days: [Int], _ steps: [Int]) -> Int {
    var total = 0
    for i in days.indices {
        total &+= calendar.adding(workingDays: steps[i], to: CivilDate(dayNumber: days[i])).dayNumber
    }
    return total
}

// Warm-up, then timed rounds; results accumulate into checksums printed below.
var workingSum = runIsWorking(calendar, days)
var addingSum = runAdding(calendar, days, steps)
let isWorkingTime = clock.measure { for _ in 0..<rounds { workingSum &+= runIsWorking(calendar, days) } }
let addingTime = clock.measure { for _ in 0..<rounds { addingSum &+= runAdding(calendar, days, steps) } }

let queries = Double(queryCount * rounds)
print("swift build_one_year_us \(nanoseconds(yearBuild) / Double(yearBuilds) / 1000)")
print("swift build_2000_2100_ms \(nanoseconds(centuryBuild) / 1e6)")
print("swift isWorkingDay_ns \(nanoseconds(isWorkingTime) / queries)")
print("swift addingWorkingDays_ns \(nanoseconds(addingTime) / queries)")
print("swift checksum \(workingSum) \(addingSum) \(sink)")

// --dump FILE: the table's per-day answers (2000-2100) and the queries, for the C peer.
let arguments = CommandLine.arguments
if let i = arguments.firstIndex(of: "--dump"), i + 1 < arguments.count, let file = fopen(arguments[i + 1], "wb") {
    let first = CivilDate(year: 2000, month: 1, day: 1)!.dayNumber
    let count = CivilDate(year: 2101, month: 1, day: 1)!.dayNumber - first
    var header: [Int64] = [Int64(first), Int64(count), Int64(queryCount), Int64(rounds)]
    var flags = (0..<count).map { UInt8(calendar.isWorkingDay(CivilDate(dayNumber: first + $0)) ? 1 : 0) }
    var dayValues = days.map(Int64.init)
    var stepValues = steps.map(Int64.init)
    fwrite(&header, 8, header.count, file)
    fwrite(&flags, 1, flags.count, file)
    fwrite(&dayValues, 8, dayValues.count, file)
    fwrite(&stepValues, 8, stepValues.count, file)
    fclose(file)
}
