/// The working days of a span of days as a bit set, with the counts that make rank and
/// select constant-time: how many working days lie before a day, and which day is the
/// k-th working day.
///
/// Offsets are days from `firstDay`. Memory for a century: 4.6 KB of bits, 2.3 KB of word
/// ranks and about 100 KB for the list of working days.
struct WorkingDayTable: Hashable, Sendable {
    /// Day number of offset 0.
    let firstDay: Int
    let dayCount: Int
    /// Bit `i % 64` of word `i / 64` is set when offset `i` is a working day.
    let words: [UInt64]
    /// Working days before word `w`; one entry more than `words`.
    let wordRanks: [Int32]
    /// Offset of the k-th working day (0-based), ascending.
    let workingOffsets: [Int32]

    /// Builds the table from a day-by-day answer; `isWorking` gets day numbers.
    init(firstDay: Int, dayCount: Int, isWorking: (Int) -> Bool) {
        precondition(dayCount >= 0 && dayCount < Int(Int32.max), "Table span out of range")
        var words = [UInt64](repeating: 0, count: (dayCount + 63) / 64)
        var offsets: [Int32] = []
        offsets.reserveCapacity(dayCount * 5 / 7 + 1)
        for i in 0..<dayCount where isWorking(firstDay + i) {
            words[i >> 6] |= 1 << UInt64(i & 63)
            offsets.append(Int32(i))
        }
        var ranks = [Int32](repeating: 0, count: words.count + 1)
        for w in words.indices { ranks[w + 1] = ranks[w] + Int32(words[w].nonzeroBitCount) }
        self.firstDay = firstDay
        self.dayCount = dayCount
        self.words = words
        self.wordRanks = ranks
        self.workingOffsets = offsets
        assert(Int(ranks.last ?? 0) == offsets.count, "Word ranks and the working-day list disagree")
    }

    /// The offset of a day number, if the table covers it.
    @inline(__always)
    func offset(_ dayNumber: Int) -> Int? {
        let i = dayNumber &- firstDay
        return i >= 0 && i < dayCount ? i : nil
    }

    @inline(__always)
    func isWorking(offset i: Int) -> Bool {
        words[i >> 6] >> UInt64(i & 63) & 1 == 1
    }

    /// Working days at offsets `0..<i`, for `0 <= i <= dayCount`.
    @inline(__always)
    func rank(_ i: Int) -> Int {
        let w = i >> 6
        let below = i & 63
        guard below != 0 else { return Int(wordRanks[w]) }
        let mask: UInt64 = (1 << UInt64(below)) &- 1
        return Int(wordRanks[w]) + (words[w] & mask).nonzeroBitCount
    }

    /// The offset of the `r`-th working day (0-based), if the table has that many.
    @inline(__always)
    func select(_ r: Int) -> Int? {
        r >= 0 && r < workingOffsets.count ? Int(workingOffsets[r]) : nil
    }
}
