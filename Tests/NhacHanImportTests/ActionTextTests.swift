import NhacHanCore
import NhacHanImport
import Testing

/// The action a task is drafted with: the work as the text names it, never a bare verb, a list
/// marker or the deadline's own words.
@Suite("Actions drafted from the text")
struct ActionTextTests {
    private func actions(_ sentence: String) -> [String] {
        let d = DirectiveImporter().draft(text: """
        UBND HUYỆN PHÚ NINH
        Số: 45/TB-UBND
        Phú Ninh, ngày 10 tháng 4 năm 2021
        V/v thử
        Kính gửi: UBND các xã.
        UBND huyện thông báo như sau:
        \(sentence)
        """, sourceName: "tb.txt")
        return d.tasks.filter { $0.deadline != nil }.map(\.action)
    }

    @Test("a bare verb after its object takes the object: 'Bản đăng ký … gửi trước ngày D'")
    func objectBeforeVerb() {
        #expect(actions("Bản đăng ký thi đua năm học 2021-2022 gửi trước ngày 30/9/2021.") == ["Gửi bản đăng ký thi đua năm học 2021-2022"])
        #expect(actions("Báo cáo tháng gửi trước ngày 20 hằng tháng.") == ["Gửi báo cáo tháng"])
    }

    @Test("a delivery with no object sends the work before its comma: 'rà soát, tổng hợp số liệu, gửi về …'")
    func workBeforeBareDelivery() {
        #expect(actions("Các phòng chuyên môn rà soát, tổng hợp số liệu, gửi về Phòng Nội vụ trước ngày 15/3/2021.")
            == ["Rà soát, tổng hợp số liệu, gửi về Phòng Nội vụ"])
        #expect(actions("UBND các xã xây dựng kế hoạch thực hiện, gửi về UBND huyện (qua Phòng Văn hóa) trước ngày 10/4/2021.")
            == ["Xây dựng kế hoạch thực hiện, gửi về UBND huyện"])
        // A delivery with its own object is the work itself.
        #expect(actions("UBND các xã rà soát, gửi báo cáo về UBND huyện trước ngày 10/4/2021.") == ["Gửi báo cáo"])
    }

    @Test("a registration made on a form is delivered with it: 'nộp đơn đăng ký dự thi', 'nộp hồ sơ đăng ký'")
    func registrationForm() {
        #expect(actions("Các trường nộp đơn đăng ký dự thi trước ngày 05/5/2021.") == ["Nộp đơn đăng ký dự thi"])
        #expect(actions("UBND các xã nộp hồ sơ đăng ký thi đua về Phòng Nội vụ trước ngày 05/5/2021.") == ["Nộp hồ sơ đăng ký thi đua"])
        #expect(actions("UBND các xã đăng ký danh sách trước ngày 05/5/2021.") == ["Đăng ký danh sách"])
    }

    @Test("a window's start written as a bare day is no part of the work: 'từ ngày 1 đến 5.5'")
    func bareDayWindowStart() {
        #expect(actions("UBND các xã gửi hồ sơ khen thưởng từ ngày 1 đến 5.5.2021.") == ["Gửi hồ sơ khen thưởng"])
    }

    @Test("a verb after a comma keeps the organ it reports to; the intermediary is left out")
    func reportAfterComma() {
        #expect(actions("UBND các xã tổng hợp kết quả, báo cáo UBND huyện (qua Phòng Nội vụ) trước ngày 05/5/2021.")
            == ["Tổng hợp kết quả, báo cáo UBND huyện"])
        #expect(actions("UBND các xã tổng hợp, báo cáo UBND huyện qua Phòng Nội vụ trước ngày 05/5/2021.") == ["Tổng hợp, báo cáo UBND huyện"])
        #expect(actions("UBND các xã gửi hồ sơ về Sở Nội vụ thông qua Văn phòng Sở trước ngày 05/5/2021.") == ["Gửi hồ sơ"])
        // A short aside stays in the work.
        #expect(actions("UBND các xã gửi hồ sơ (công văn và danh mục) đề xuất nhiệm vụ trước ngày 05/5/2021.")
            == ["Gửi hồ sơ (công văn và danh mục) đề xuất nhiệm vụ"])
    }

    @Test("'xong' completes the work before it, and who does it is not the work")
    func completionParticle() {
        #expect(actions("Các cơ sở Hội hoàn thành tổng kết chi hội, đồng thời chuẩn bị và tổ chức đại hội cấp cơ sở xong trước ngày 10/5/2021.")
            == ["Chuẩn bị và tổ chức đại hội cấp cơ sở xong"])
        #expect(actions("UBND các xã gửi trước ngày 20/5/2021.") == ["Gửi"])
    }

    @Test("a window's start and a limit's 'là D' are not part of the work")
    func deadlineWordsLeftOut() {
        #expect(actions("Các phòng nộp đơn: từ ngày 13/05/2021 đến ngày 27/05/2021.") == ["Nộp đơn"])
        #expect(actions("Thí sinh nộp hồ sơ tại các trường bắt đầu từ ngày 17/4 đến 17 giờ ngày 23/4/2021.") == ["Nộp hồ sơ tại các trường"])
        #expect(actions("Hạn chót gửi tóm tắt là 15/8/2021.") == ["Gửi tóm tắt"])
    }

    @Test("a count that opens a list item dates the clause after its comma or 'thì', not the marker")
    func countOpeningAnItem() {
        #expect(actions("b) Trong thời hạn 01 (một) ngày làm việc, kể từ ngày nhận hồ sơ, UBND xã gửi hồ sơ lên Phòng Lao động - Thương binh và Xã hội.")
            == ["Gửi hồ sơ"])
        let answer = actions("+ Trong thời hạn 15 ngày kể từ ngày nhận được đề nghị phối hợp thì bộ, cơ quan, địa phương phải có văn bản trả lời.")
        #expect(answer.count == 1)
        #expect(answer.first?.hasPrefix("Bộ, cơ quan, địa phương") == true, "\(answer)")
    }
}
