import NhacHanCore
import NhacHanImport
import Testing

/// How real pages give their number, issuer, date and where the body starts: flattened and
/// damaged headers, pages without one, numbers told in prose.
@Suite("Headers and numbers of real pages")
struct RealHeaderTests {
    /// A header of three lines (organ, number, place and date) over one addressee.
    private func header(organ: String, number: String) -> DirectiveDraft {
        TestSupport.draft(text: "\(organ)\n\(number)\nHà Nội, ngày 10 tháng 7 năm 2021\nKính gửi: Các đơn vị.\n")
    }

    @Test("a header flattened one cell per line, with table borders, reads whole")
    func cellsPerLine() {
        let d = TestSupport.draft(text: """
        ỦY BAN NHÂN DÂN
        TỈNH KON TUM
        |
        CỘNG HÒA XÃ HỘI
        CHỦ NGHĨA VIỆT NAM
        |
        Số:
        06/2024/QĐ-UBND
        |
        Kon Tum, ngày 25
        tháng 01 năm 2024
        |
        QUYẾT ĐỊNH
        """)
        #expect(d.number == "06/2024/QĐ-UBND")
        #expect(d.issued?.description == "2024-01-25")
        #expect(d.issuer == "UBND tỉnh Kon Tum")
    }

    @Test("a whole header run into one line is split at its landmarks")
    func headerOnOneLine() {
        let d = TestSupport.draft(text: """
        ỦY BAN NHÂN DÂN TỈNH CAO BẰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập Tự do Hạnh phúc Số: 46/2019/QĐUBND Cao Bằng, ngày 28 tháng 10 năm 2019 QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH
        """)
        #expect(d.number == "46/2019/QĐUBND")
        #expect(d.issued?.description == "2019-10-28")
        #expect(d.issuer == "UBND tỉnh Cao Bằng")
    }

    @Test("numbers written with spaces and in Party style", arguments: [
        ("Số: 2455 / LĐTBXH - LĐTL", "2455/LĐTBXH-LĐTL"),
        ("Số: 7 /2021/TT-BNV", "7/2021/TT-BNV"),
        ("Số: 225 - KH/TWĐTN-CTTN", "225-KH/TWĐTN-CTTN"),
    ])
    func spacedNumbers(_ line: String, _ number: String) {
        #expect(header(organ: "BỘ NỘI VỤ", number: line).number == number)
    }

    @Test("a page without a header takes number and date from 'Ngày D, UBND tỉnh ban hành Công văn số N'")
    func proseNumber() {
        let d = TestSupport.draft(text: """
        UBND tỉnh chỉ đạo tổng kết thực tiễn năm 2021
        Ngày 01/3/2021, UBND tỉnh ban hành Công văn số 1066/UBND-VXNV chỉ đạo các sở, ban, ngành.
        """)
        #expect(d.number == "1066/UBND-VXNV")
        #expect(d.issued?.description == "2021-03-01")
    }

    @Test("'Thời gian nhận hồ sơ: …' is no 'Số:' line: the page after it is read")
    func hoSoIsNoNumber() {
        let d = TestSupport.draft(text: """
        Tin tức
        Thời gian tiếp nhận hồ sơ: từ 8/5/2023 đến hết 20/5/2023.
        Các địa phương báo cáo kết quả về Sở Tư pháp trước ngày 15/10/2023.
        """)
        #expect(d.number == nil)
        #expect(TestSupport.deadlines(d).compactMap(\.date).map(\.description) == ["2023-05-20", "2023-10-15"])
    }

    @Test("after the header's parts, a sentence starts the body even without 'Kính gửi' or a list marker")
    func sentenceStartsBody() {
        let d = TestSupport.draft(text: """
        BAN TỔ CHỨC HỘI THI
        Số: 12/TB-BTC
        Ban Tổ chức Hội thi tìm hiểu pháp luật năm 2023 thông báo đến các đơn vị như sau.
        Các đơn vị gửi danh sách thí sinh về Ban Tổ chức chậm nhất ngày 20/5/2023 để tổng hợp.
        """)
        #expect(d.number == "12/TB-BTC")
        #expect(TestSupport.deadlines(d).compactMap(\.date).map(\.description) == ["2023-05-20"])
    }

    @Test("capitals naming an organ under a notice sign it: the notice above them is read")
    func organUnderNotice() {
        let d = TestSupport.draft(text: """
        Gia hạn cuộc thi sáng tác năm 2023

        Ban tổ chức cuộc thi sáng tác về quê hương thông báo gia hạn thời gian nhận tác phẩm dự thi đến hết ngày 30/9/2023.

        BAN TỔ CHỨC CUỘC THI
        """)
        #expect(TestSupport.deadlines(d).compactMap(\.date).map(\.description) == ["2023-09-30"])
        #expect(d.issuer == nil)
    }

    @Test("a page whose line breaks were stored as the text '\\r\\n' reads as lines")
    func escapedLineBreaks() {
        let d = TestSupport.draft(text: #"""
        \r\n Kính gửi:     - BCH Công đoàn Bộ phận
        \r\n Thời gian đăng ký tham dự Giải gửi về văn phòng Công đoàn Trường chậm nhất là thứ 2, ngày 26 tháng 3 năm 2012.
        """#)
        #expect(TestSupport.deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2012-03-26"])
    }

    @Test("a page's title line dates a text that has no header date")
    func titleDate() {
        let d = TestSupport.draft(text: "Thông báo Khẩn ngày 18/10/2020\n\nKính gửi: Hiệu trưởng các trường.\nCho học sinh nghỉ học.\n")
        #expect(d.issued?.description == "2020-10-18")
    }

    @Test("an issuer in capitals is written in its proper case", arguments: [
        ("BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        ("BẢO HIỂM XÃ HỘI TỈNH QUẢNG NGÃI", "Bảo hiểm xã hội tỉnh Quảng Ngãi"),
        ("PHÒNG GIÁO DỤC-ĐÀO TẠO", "Phòng Giáo dục - Đào tạo"),
        ("UBND XÃ BÌNH CHÂU", "UBND xã Bình Châu"),
    ])
    func issuerCase(_ caps: String, _ written: String) {
        #expect(header(organ: caps, number: "Số: 12/TB").issuer == written)
    }

    @Test("a press byline 'Q.LINH' is no signer: the article after it is read")
    func byline() {
        let d = TestSupport.draft(text: """
        20/03/2012 02:01 GMT+7
        Q.LINH
        Thành đoàn triển khai cuộc thi viết.
        Các tác giả gửi bài về Ban Tổ chức trước ngày 20/7/2012.
        """)
        #expect(TestSupport.deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["before 2012-07-20"])
    }

    @Test("a number's date said later in the page", arguments: [
        ("Bộ Kế hoạch và Đầu tư vừa ban hành Công văn 9399/BKHĐT-QLKKT về việc báo cáo.\nXem chi tiết tại Công văn 9399/BKHĐT-QLKKT ngày 18/12/2019.", "9399/BKHĐT-QLKKT", "2019-12-18"),
        ("(Ban hành kèm theo Quyết định số 3240 /QĐ-UBND ngày 19 tháng 6 năm 2013 của Chủ tịch)", "3240/QĐ-UBND", "2013-06-19"),
        ("Ngày 02/03/2022, Giám đốc Sở Khoa học và Công nghệ đã ký ban hành Công văn số 343/SKHCN-VP về việc báo cáo.", "343/SKHCN-VP", "2022-03-02"),
        // A title's "ban hành Khung …" first; then the directive's own "ban hành Quyết định số".
        ("UBND tỉnh ban hành Khung kế hoạch thời gian năm học\nNgày 04/8/2017, UBND tỉnh vừa ban hành Quyết định số 1435/QĐ-UBND về việc ban hành khung kế hoạch.", "1435/QĐ-UBND", "2017-08-04"),
        ("UBND tỉnh ban hành Kế hoạch triển khai sắp xếp các đơn vị hành chính (ĐVHC) cấp xã (Kế hoạch số 111/KH-UBND, ngày 14/6/2019).", "111/KH-UBND", "2019-06-14"),
        ("Công văn số 381/SGDĐT-VP ngày 28/02/2020 của Sở Giáo dục và Đào tạo.\nCác trường báo cáo trước ngày 10/3/2020.", "381/SGDĐT-VP", "2020-02-28"),
        ("Theo văn bản 2642/UBND-KT ngày 19/11/2010, Chủ tịch UBND tỉnh yêu cầu các huyện báo cáo trước ngày 20/12/2010.", "2642/UBND-KT", "2010-11-19"),
        ("Các huyện báo cáo trước ngày 20/12/2010.\nNguồn CV 2642/UBND-KT ngày 19/11/2010.", "2642/UBND-KT", "2010-11-19"),
        ("Ngày 02/01/2024, Thanh tra Chính phủ đã ban hành Thông tư 01/2024/TT-TTCP quy định chế độ báo cáo.", "01/2024/TT-TTCP", "2024-01-02"),
        // A symbol written with spaces.
        ("Sở Văn hóa và Thể thao vừa có công văn số 51/ SVHTT - NVVH ngày 10/01/2024 về việc gia hạn cuộc thi.", "51/SVHTT-NVVH", "2024-01-10"),
        // A headline's own dates on the line above date nothing.
        ("Hoàn thành cấp giấy chứng nhận trước ngày 20/12/2010 (22/11/2010)\nNgày 19/11/2010, UBND tỉnh vừa ban hành Công văn 2642/UBND-KT về việc cấp giấy.", "2642/UBND-KT", "2010-11-19"),
    ])
    func proseNumber(_ text: String, _ number: String, _ issued: String) {
        let d = TestSupport.draft(text: text + "\n")
        #expect(d.number == number)
        #expect(d.issued?.description == issued)
    }

    @Test("a number without its symbol before 'về', and 'vừa có Văn bản số' with no date")
    func bareProseNumber() {
        #expect(TestSupport.draft(text: "Ngày 16/8, UBND tỉnh ban hành Quyết định số 1513 về khung kế hoạch thời gian năm học.\n").number == "1513")
        let d = TestSupport.draft(text: "Ban Thi đua - Khen thưởng tỉnh vừa có Văn bản số 235/TĐKT-HCTH về việc lấy ý kiến.\n")
        #expect(d.number == "235/TĐKT-HCTH")
        #expect(d.issued == nil)
        #expect(TestSupport.draft(text: "Mới đây, Thông tư 01/2019/TT-BQP vừa được Bộ Quốc phòng ban hành quy định chế độ báo cáo.\n").number == "01/2019/TT-BQP")
        // "đã có" more often recalls an earlier text than it reports this one.
        #expect(TestSupport.draft(text: "Bộ Tư pháp đã có Công văn số 86/BTP-KHTC về việc báo cáo, đến nay nhiều đơn vị chưa gửi.\n").number == nil)
        #expect(TestSupport.draft(text: "Sở Nội vụ trân trọng giới thiệu toàn văn Văn bản số581/BNV-CCHC và các biểu mẫu.\n").number == nil)
        #expect(TestSupport.draft(text: "Bộ Nội vụ vừa có Văn bản số581/BNV-CCHC về báo cáo cải cách hành chính.\n").number == "581/BNV-CCHC")
        // "có văn bản số N ngày D hướng dẫn …": the letter a page recounts, with what it asks.
        let told = TestSupport.draft(text: "Để thực hiện thống kê tai nạn lao động, Ban Quản lý các khu chế xuất có văn bản số 1493/BQL-LĐ ngày 03 tháng 6 năm 2021 hướng dẫn báo cáo năm 2021.\n")
        #expect(told.number == "1493/BQL-LĐ")
        #expect(told.issued?.description == "2021-06-03")
        #expect(TestSupport.draft(text: "Bộ Tư pháp đã có Công văn số 86/BTP-KHTC ngày 19 tháng 3 năm 2010 về việc yêu cầu các Cục báo cáo.\n").number == nil)
        // A directive merely cited is another document.
        #expect(TestSupport.draft(text: "Thực hiện Công văn số 12/UBND-VP ngày 02/3/2024 của UBND huyện, các xã báo cáo trước ngày 20/3/2024.\n").number == nil)
    }

    @Test("a page names its directive as signed, sent or attached to, and a Party number joins its symbol with a dash")
    func signedSentAttached() {
        #expect(TestSupport.draft(text: "Ngày 24/11, Phó Chủ tịch Hội đã ký văn bản số 1117/ĐCT-TG về việc điều chỉnh thời gian nhận bài.\n").number == "1117/ĐCT-TG")
        let sent = TestSupport.draft(text: "Sở Văn hóa và Thể thao vừa gửi công văn số 51/SVHTT-NVVH ngày 10/01/2024 về việc đề nghị phối hợp.\n")
        #expect(sent.number == "51/SVHTT-NVVH")
        #expect(sent.issued?.description == "2024-01-10")
        #expect(TestSupport.draft(text: "(Kèm theo Kế hoạch số 08/KH-UBND ngày 26/9/2019 của UBND xã Đông Giang)\nNộp báo cáo trước ngày 06/9/2019.\n").number == "08/KH-UBND")
        #expect(TestSupport.draft(text: "(Kèm Thông báo số 128/TB-HĐBT ngày 20/5/2023 của Hội đồng bồi thường)\nCác hộ gửi ý kiến.\n").number == "128/TB-HĐBT")
        #expect(TestSupport.draft(text: "Đồng chí Bí thư đã ký ban hành Công văn số 1079-CV/ĐU về việc phát động cuộc thi.\n").number == "1079-CV/ĐU")
        // A blank form far down its page names the directive it was issued with.
        let form = TestSupport.draft(text: "Số:........./......3.....\n" + String(repeating: "Chỉ tiêu\n", count: 45)
                         + "Ban hành theo Thông tư số 08/2012/TT-BKHĐT ngày 7/11/2012 của Bộ trưởng Bộ Kế hoạch và Đầu tư\n")
        #expect(form.number == "08/2012/TT-BKHĐT")
        #expect(form.issued?.description == "2012-11-07")
        // Inside a sentence, a form "kèm theo" a directive is a cited one.
        #expect(TestSupport.draft(text: "Các xã báo cáo theo mẫu kèm theo Thông tư số 12/2020/TT-BNV trước ngày 20/3/2024.\n").number == nil)
    }

    @Test("an article's page and an excerpt name their text: 'Điều 11 Thông tư …', '(trích Nghị định …)'")
    func articleAndExcerpt() {
        #expect(TestSupport.draft(text: "Điều 11 Thông tư 01/2020/TT-VPCP quy định về chế độ báo cáo định kỳ\nBáo cáo năm gửi trước ngày 17/12 hằng năm.\n").number == "01/2020/TT-VPCP")
        #expect(TestSupport.draft(text: "Điều 11. Thời gian lấy ý kiến (trích Nghị định 54/2018/NĐ-CP)\nTrong thời hạn 10 ngày kể từ ngày nhận, UBND cấp xã báo cáo.\n").number == "54/2018/NĐ-CP")
    }
}
