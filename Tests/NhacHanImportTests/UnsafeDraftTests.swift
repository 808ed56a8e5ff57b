import NhacHanCore
import NhacHanImport
import Testing

@Suite("Drafts that must not run as they read")
struct UnsafeDraftTests {
    @Test("a yearly report's day without its month is drafted as a comment, not as a rule that falls every month")
    func yearlyDayWithoutMonth() throws {
        let d = DirectiveImporter().draft(text: """
        NGÂN HÀNG NHÀ NƯỚC VIỆT NAM
        Số: 35/2024/TT-NHNN
        Hà Nội, ngày 10 tháng 4 năm 2024
        THÔNG TƯ
        Báo cáo năm: các đơn vị gửi báo cáo chậm nhất vào ngày 20.
        """, sourceName: "tt.txt")
        let task = try #require(d.tasks.first { $0.deadline?.kind == .every })
        #expect(task.deadline?.rule?.contains("BYMONTH=") == false)
        #expect(task.dueCommentedOut?.contains("tháng nào trong năm") == true)
    }
}
