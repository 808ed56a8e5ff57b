import NhacHanCore
import NhacHanImport
import Testing

/// A plan's items: the work on one line, who does it and by when on the lines under it.
@Suite("Items of a plan")
struct PlanItemTests {
    private func draft(_ body: String) -> DirectiveDraft {
        DirectiveImporter().draft(text: """
        UBND HUYỆN PHÚ NINH
        Số: 45/KH-UBND
        Phú Ninh, ngày 10 tháng 4 năm 2024
        KẾ HOẠCH
        Rà soát hộ nghèo năm 2024
        I. MỤC ĐÍCH
        Bảo đảm rà soát đúng quy định.
        II. NỘI DUNG THỰC HIỆN
        \(body)
        """, sourceName: "kh.txt")
    }

    private func dated(_ d: DirectiveDraft) -> [(action: String, kind: DraftDeadline.Kind, date: String?)] {
        d.tasks.compactMap { t in t.deadline.map { (t.action, $0.kind, $0.date?.description) } }
    }

    @Test("'Thời gian thực hiện: trước ngày D' under an item dates the item's work")
    func timeLineDatesTheItem() {
        let d = draft("""
        1. Tổ chức tuyên truyền kế hoạch.
        - Đơn vị thực hiện: UBND các xã.
        - Thời gian thực hiện: trước ngày 30/4/2024.
        2. Rà soát, lập danh sách hộ nghèo.
        - Thời gian: chậm nhất ngày 20/5/2024.
        """)
        let tasks = dated(d)
        #expect(tasks.count == 2)
        #expect(tasks.first?.action == "Tổ chức tuyên truyền kế hoạch")
        #expect(tasks.first?.kind == .before && tasks.first?.date == "2024-04-30")
        #expect(tasks.last?.action == "Rà soát, lập danh sách hộ nghèo")
        #expect(tasks.last?.kind == .through && tasks.last?.date == "2024-05-20")
        #expect(!d.tasks.contains { $0.action.hasPrefix("NỘI DUNG") || $0.action.hasPrefix("Thời gian") })
    }

    @Test("a month or a quarter as an item's time is due by its last day; a report item is dated, not left undated")
    func periodAsTime() {
        let d = draft("""
        1. Rà soát, lập danh sách hộ nghèo.
        - Thời gian thực hiện: Tháng 5/2024.
        2. Tổng hợp báo cáo UBND huyện.
        - Đơn vị thực hiện: Phòng Lao động - Thương binh và Xã hội.
        - Thời gian hoàn thành: Quý II/2024.
        """)
        let tasks = dated(d)
        #expect(tasks.map(\.date) == ["2024-05-31", "2024-06-30"])
        #expect(tasks.last?.action == "Tổng hợp báo cáo")
        #expect(!d.warnings.contains { $0.contains("không ghi thời hạn") })
        #expect(d.tasks.count == 2)
    }

    @Test("an item's lines in one paragraph: work, then units, then time")
    func oneParagraph() {
        let d = draft("a) Rà soát, lập danh sách hộ nghèo. Cơ quan thực hiện: UBND các xã. Thời gian: trước ngày 30/5/2024.")
        #expect(dated(d).map(\.date) == ["2024-05-30"])
        #expect(dated(d).first?.action == "Rà soát, lập danh sách hộ nghèo")
    }

    @Test("when the item takes place is no deadline, nor a time line with no item above it")
    func eventAndOrphan() {
        let d = draft("""
        1. Tổ chức hội nghị triển khai.
        - Thời gian: từ 8 giờ ngày 20/5/2024 đến 17 giờ ngày 21/5/2024.
        """)
        #expect(dated(d).isEmpty)
    }

    @Test("in a task table's 'Thời gian hoàn thành' column a month or a quarter is due by its last day; 'Thường xuyên' is not")
    func tableOfTasks() {
        let d = draft("""
        | TT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành |
        | 1 | Rà soát danh sách hộ nghèo | UBND các xã | Tháng 5/2024 |
        | 2 | Tổ chức tổng kết | Phòng Nội vụ | Quý IV/2024 |
        | 3 | Kiểm tra, giám sát | Phòng Nội vụ | Thường xuyên |
        """)
        #expect(Set(dated(d).map(\.date)) == ["2024-05-31", "2024-12-31"])
    }

    @Test("a timetable's cell 'Trước 17h00', ngày D' is due at that hour")
    func hourCell() {
        let d = draft("""
        TT
        Nội dung công tác
        Đơn vị chủ trì
        Thời gian thực hiện
        1.
        Cập nhật thông tin thí sinh vào Cổng thông tin tuyển sinh
        Các trường
        Trước 17h00', ngày 25/7/2024
        """)
        let dl = d.tasks.compactMap(\.deadline).filter { $0.kind != .undated }
        #expect(dl.map(\.kind) == [.at])
        #expect(dl.first?.date?.description == "2024-07-25" && dl.first?.time == "17:00")
    }
}
