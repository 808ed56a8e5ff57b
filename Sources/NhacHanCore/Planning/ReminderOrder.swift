/// Sorts reminders by (send instant, unit, item rank) with an LSD radix sort on packed keys.
///
/// Sorting millions of reminders is most of a planner run; a comparison sort with a closure
/// costs several times the date arithmetic itself. Each reminder packs into one `UInt64`
/// (minutes since the earliest reminder, unit rank, item rank), sorted in passes of 16 bits.
/// Reminders that do not fit 64 bits fall back to a comparison sort.
enum ReminderOrder {
    static func sort(_ reminders: inout [Plan.Reminder], itemRank: [Int32], unitCount: Int) {
        guard reminders.count > 1 else { return }
        let times = reminders.lazy.map(\.sendAt.seconds)
        let earliest = times.min()!, latest = times.max()!
        let onMinutes = reminders.allSatisfy { ($0.sendAt.seconds - earliest) % 60 == 0 }
        let timeBits = bitWidth((latest - earliest) / 60)
        let unitBits = bitWidth(unitCount)
        let itemBits = bitWidth(itemRank.count)
        guard onMinutes, timeBits + unitBits + itemBits <= 64 else {
            reminders.sort { a, b in
                if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
                if a.unit != b.unit { return a.unit < b.unit }
                return itemRank[Int(a.item)] < itemRank[Int(b.item)]
            }
            return
        }
        var itemByRank = [Int32](repeating: 0, count: itemRank.count)
        for (item, rank) in itemRank.enumerated() { itemByRank[Int(rank)] = Int32(item) }
        var keys = reminders.map { r -> UInt64 in
            (UInt64((r.sendAt.seconds - earliest) / 60) << UInt64(unitBits + itemBits))
                | (UInt64(r.unit) << UInt64(itemBits)) | UInt64(itemRank[Int(r.item)])
        }
        radixSort(&keys, bits: timeBits + unitBits + itemBits)
        let unitMask = (UInt64(1) << UInt64(unitBits)) - 1
        let itemMask = (UInt64(1) << UInt64(itemBits)) - 1
        for (index, key) in keys.enumerated() {
            reminders[index] = Plan.Reminder(
                sendAt: LocalTime(seconds: earliest + Int(key >> UInt64(unitBits + itemBits)) * 60),
                unit: Int32(truncatingIfNeeded: (key >> UInt64(itemBits)) & unitMask),
                item: itemByRank[Int(key & itemMask)])
        }
    }

    /// Bits needed to hold values `0..<n` (or the value `n` itself, whichever is larger).
    static func bitWidth(_ n: Int) -> Int { max(1, Int.bitWidth - n.leadingZeroBitCount) }

    static func radixSort(_ keys: inout [UInt64], bits: Int) {
        var buffer = [UInt64](repeating: 0, count: keys.count)
        var shift: UInt64 = 0
        var counts = [Int](repeating: 0, count: 1 << 16)
        while shift < UInt64(bits) {
            for i in counts.indices { counts[i] = 0 }
            keys.withUnsafeBufferPointer { source in
                for key in source { counts[Int((key >> shift) & 0xFFFF)] += 1 }
            }
            var total = 0
            for i in counts.indices {
                let c = counts[i]
                counts[i] = total
                total += c
            }
            keys.withUnsafeBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    for key in source {
                        let digit = Int((key >> shift) & 0xFFFF)
                        target[counts[digit]] = key
                        counts[digit] += 1
                    }
                }
            }
            swap(&keys, &buffer)
            shift += 16
        }
    }
}
