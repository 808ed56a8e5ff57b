/// Steps of a timetable held on their day rather than done by it: a meeting, a course, a vote,
/// an exam, a ceremony ("Họp hội đồng …", "Tập huấn …", "Bầu cử …", "Khai mạc …"). One
/// vocabulary for the prose timetable line ("Ngày D: <bước>") and the flattened table's
/// "Thời gian" column.
enum HeldStep {
    private static let held = ["hop", "hoi nghi", "hoi thao", "tap huan", "khai mac", "be mac", "to chuc", "thi", "le", "trao",
                               "du kien", "bau cu", "hiep thuong", "dien ra", "tiep xuc", "gap mat"]

    /// Announcing and guiding ("Thông báo lịch …", "Công bố …", "Hướng dẫn và phổ biến …"): held
    /// on their day under a table's "Thời gian" column; a prose timetable line dates them as
    /// steps to finish ("Ngày 27/4: Công bố danh sách …").
    private static let announced = ["thong bao", "cong bo", "huong dan", "pho bien"]

    static func isHeld(_ t: [Token], at k: Int) -> Bool {
        held.contains { t.matches($0, at: k) }
    }

    static func isHeldOrAnnounced(_ t: [Token], at k: Int) -> Bool {
        isHeld(t, at: k) || announced.contains { t.matches($0, at: k) }
    }
}
