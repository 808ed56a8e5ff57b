extension WorkingCalendar {
    /// The day itself, or the next working day when it is a day off.
    ///
    /// A period whose last day is a weekend day or a holiday ends at the end of the next
    /// working day (Civil Code 2015 art. 148(5)); fixed deadlines roll over only when the
    /// configuration asks for it (`calendar.roll_over: next_working_day`).
    public func rollOver(_ date: CivilDate) -> CivilDate {
        workingDay(onOrAfter: date)
    }
}
