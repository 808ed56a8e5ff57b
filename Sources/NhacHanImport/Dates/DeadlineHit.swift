import NhacHanCore

/// A deadline found in a sentence, with the tokens its phrase covers.
struct DeadlineHit: Sendable {
    /// What the marked date is to the work of its sentence.
    enum Role: Sendable, Equatable {
        /// "trước ngày D", "chậm nhất ngày D".
        case deadline
        /// "trong quý I/2020": a period's last day, unless the sentence also gives a date.
        case periodEnd
        /// "đến hết ngày D": the end of a period, a deadline only when a delivering verb governs it.
        case windowEnd
        /// "từ ngày X đến (hết) ngày Y": a period with a written start (a data period, an
        /// activity window), never a deadline by itself; it bounds a recurrence of the same
        /// sentence. A `submission` period ("Thời gian: từ ngày X đến ngày Y") is one to send
        /// something in: with no recurrence to bound, its end stays a window's end.
        case period(start: CivilDate?, submission: Bool)
    }

    var deadline: DraftDeadline
    var tokenStart: Int
    var tokenEnd: Int
    var role: Role = .deadline
    /// A date written without a year that the document's year could not resolve.
    var missingYear = false
    /// "… ngày 20/6 và ngày 20/12": where a second date of the same deadline may follow.
    var continuation: DeadlineScanner.Continuation? = nil

    var isWindow: Bool { role != .deadline && role != .periodEnd }

    var period: (start: CivilDate?, submission: Bool)? {
        if case .period(let start, let submission) = role { return (start, submission) }
        return nil
    }
}

/// What a date without a year is resolved against: the issue date, else the document's year.
struct YearContext: Sendable {
    var year: Int?
    var issued: CivilDate?

    func resolve(_ d: WrittenDate) -> CivilDate? {
        if let y = d.year { return CivilDate(year: y, month: d.month, day: d.day) }
        guard let y = year ?? issued?.year else { return nil }
        guard let date = CivilDate(year: y, month: d.month, day: d.day) else { return nil }
        // "trước ngày 10/1" in a text of 20/12 means next January.
        if let issued, date.dayNumber < issued.dayNumber - 60 {
            return CivilDate(year: y + 1, month: d.month, day: d.day)
        }
        return date
    }

    /// Where a recurrence read from the text starts: the issue date, else 1 January of its year.
    var recurrenceStart: CivilDate? {
        issued ?? year.flatMap { CivilDate(year: $0, month: 1, day: 1) }
    }
}
