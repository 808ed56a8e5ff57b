import NhacHanCore
import NhacHanImport
import Testing

/// When two obligations found in a text are one task, and when they are two.
@Suite("Obligations merged or kept apart")
struct ObligationMergeTests {
    private func dated(_ body: String) -> [(action: String, rule: String?)] {
        let d = DirectiveImporter().draft(text: """
        UBND HUYỆN PHÚ NINH
        Số: 45/CV-UBND
        Phú Ninh, ngày 10 tháng 4 năm 2024
        V/v chế độ báo cáo
        Kính gửi: UBND các xã.
        \(body)
        """, sourceName: "cv.txt")
        return d.tasks.compactMap { t in t.deadline.map { (t.action, $0.rule) } }
    }

    @Test("two periodic reports due on the same day are two tasks, each with its own action")
    func twoReportsSameDay() {
        let got = dated("""
        1. UBND các xã báo cáo tình hình an toàn thực phẩm về UBND huyện trước ngày 20 hằng tháng.
        2. UBND các xã báo cáo kết quả giải ngân vốn đầu tư công về UBND huyện trước ngày 20 hằng tháng.
        """)
        #expect(got.count == 2, "\(got)")
        #expect(Set(got.map { $0.rule ?? "" }) == ["FREQ=MONTHLY;BYMONTHDAY=20"])
        #expect(got.map(\.action).allSatisfy { $0.hasPrefix("Báo cáo") })
    }

    @Test("the same report told twice is one task")
    func oneReportToldTwice() {
        let got = dated("""
        1. UBND các xã báo cáo tình hình an toàn thực phẩm về UBND huyện trước ngày 20 hằng tháng.
        2. Đề nghị UBND các xã báo cáo tình hình an toàn thực phẩm về UBND huyện trước ngày 20 hằng tháng.
        """)
        #expect(got.count == 1, "\(got)")
    }
}
