import NhacHanCore
import Yams

extension ConfigLoader {
    func readPolicies(_ node: Node, _ r: NodeReader, into draft: inout ConfigDraft) {
        guard let mapping = node.mapping else {
            r.error("policies phải là ánh xạ từ tên tới chính sách: {default: {send_at: \"08:00\", ...}}", at: node)
            return
        }
        for (key, value) in mapping {
            guard let name = r.string(key, "tên chính sách") else { continue }
            if let previous = draft.policyLocations[name] {
                r.error("trùng chính sách '\(name)': đã khai báo tại \(previous)", at: key)
                continue
            }
            draft.policyLocations[name] = r.location(key)
            if let policy = readPolicy(value, name: name, r) { draft.policies[name] = policy }
        }
    }

    private func readPolicy(_ node: Node, name: String, _ r: NodeReader) -> Policy? {
        let keys = ["send_at", "before", "on_due_day", "overdue", "escalate_after"]
        guard let f = r.fields(node, of: "chính sách '\(name)'", allowed: keys) else { return nil }
        var policy = Policy(id: name)
        if let v = f["send_at"]?.value, let text = r.string(v, "send_at") {
            if let minutes = ClockTime.minutes(parsing: text) {
                policy.sendAt = minutes
            } else {
                r.error("send_at phải là giờ HH:MM, ví dụ \"08:00\"; gặp '\(text)'", at: v)
            }
        }
        if let v = f["before"]?.value {
            policy.before = r.strings(v, "before").compactMap { text, item in
                if let count = DayCount(text), count.count > 0 { return count }
                r.error("'\(text)' trong before không phải số ngày: viết 7d (ngày lịch) hoặc 3wd (ngày làm việc)", at: item)
                return nil
            }
        }
        if let v = f["on_due_day"]?.value { policy.onDueDay = r.bool(v, "on_due_day") ?? false }
        if let v = f["overdue"]?.value, let o = r.fields(v, of: "overdue", allowed: ["every", "max"]) {
            var every = DayCount(2, working: true)
            if let e = o["every"]?.value, let text = r.string(e, "overdue.every") {
                if let count = DayCount(text), count.count > 0 {
                    every = count
                } else {
                    r.error("overdue.every phải là số ngày, ví dụ 2wd hoặc 7d; gặp '\(text)'", at: e)
                }
            }
            let max = o["max"].flatMap { r.int($0.value, "overdue.max", in: 0...100) } ?? 3
            policy.overdue = OverdueRepeat(every: every, max: max)
        }
        if let v = f["escalate_after"]?.value { policy.escalateAfter = r.int(v, "escalate_after", in: 1...100) }
        return policy
    }
}
