/// The words that make a time one to send something in (a contest's entries, a file, an
/// application), so that its end is the senders' last day. One vocabulary for the scanner's
/// windows ("nhận hồ sơ từ ngày A đến ngày B") and the extractor's labels ("Thời gian dự thi:").
enum SendingIn {
    /// What senders send in, after "nhận": bài, hồ sơ, tác phẩm, đơn, đề xuất/đề án, sản phẩm, ảnh.
    private static let objects: Set<String> = ["bai", "ho", "tac", "don", "de", "san", "anh"]

    /// "nhận hồ sơ", "nhận bài", "nhận ảnh": receiving what others send in (not "nhận thức",
    /// "nhận xét", "nhận quân").
    static func receives(_ t: [Token], at k: Int) -> Bool {
        t[k].is("nhan") && k + 1 < t.count && objects.contains(t[k + 1].text)
    }

    /// Sending in, without a receiver's word: "nộp", "gửi", "đăng ký", "thu học phí", "chuyển về".
    static func sends(_ t: [Token], at k: Int) -> Bool {
        t[k].is("nop") || t[k].is("gui") || t.matches("dang ky", at: k) || t.matches("thu hoc phi", at: k)
            || t.matches("chuyen ve", at: k) || t.matches("chuyen den", at: k)
    }

    private static let labelWords = ["du thi", "tiep nhan", "thu nhan", "gui bai", "gui tac pham", "gui anh", "gui ho so",
                                     "nop bai", "nop tac pham", "nop ho so", "dang ky", "phat dong", "tham gia du thi",
                                     "tham gia cuoc thi", "lay y kien", "gop y", "dong gop", "ung ho", "quyen gop"]

    /// The work a label "Thời gian …:" names when it is a time to send in: "dự thi", "nhận
    /// ảnh", "nộp hồ sơ", "phát động cuộc thi", "lấy ý kiến", "đóng góp" (not "tổ chức", "thực
    /// hiện", "chấm").
    static func labels(_ t: [Token], at k: Int) -> Bool {
        k < t.count && (receives(t, at: k) || labelWords.contains { t.matches($0, at: k) })
    }

    /// "Thời gian (tiếp) nhận: trước ngày D", "hạn nhận bài": "nhận" after a time word, or
    /// receiving what others send in.
    static func timeToReceive(_ t: [Token], at k: Int) -> Bool {
        guard t[k].is("nhan") else { return false }
        if receives(t, at: k) { return true }
        return k >= 2 && (t.matches("thoi gian", at: k - 2) || t[k - 1].is("han")
            || k >= 3 && t[k - 1].is("tiep") && (t.matches("thoi gian", at: k - 3) || t.matches("thoi han", at: k - 3)))
    }

    /// "tổ chức", "chấm", "diễn ra", "bình chọn" after "thời gian": the organisers' activity.
    static func activity(_ t: [Token], at k: Int) -> Bool {
        k < t.count && (t.matches("to chuc", at: k) || t[k].is("cham") || t.matches("dien ra", at: k) || t.matches("binh chon", at: k))
    }
}
