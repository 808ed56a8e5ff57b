import NhacHanCore

extension ConfigLoader {
    /// Cross-file checks: references, group cycles, the default policy; then the `Config`.
    func validate(_ draft: ConfigDraft) -> Config {
        let unitIDs = Set(draft.units.map(\.id))
        let groupIDs = Set(draft.groups.map(\.id))
        let policyNames = Set(draft.policies.keys)
        for reference in draft.references {
            switch reference.kind {
            case .unitOrGroup:
                if !unitIDs.contains(reference.name) && !groupIDs.contains(reference.name) {
                    diagnostics.error(
                        "không có đơn vị hay nhóm '\(reference.name)'\(didYouMean(reference.name, among: unitIDs.union(groupIDs)))",
                        at: reference.location)
                }
            case .unit:
                if !unitIDs.contains(reference.name) {
                    diagnostics.error("không có đơn vị '\(reference.name)'\(didYouMean(reference.name, among: unitIDs))", at: reference.location)
                }
            case .policy:
                if !policyNames.contains(reference.name) {
                    diagnostics.error("không có chính sách '\(reference.name)'\(didYouMean(reference.name, among: policyNames))", at: reference.location)
                }
            case .task(let directiveID):
                let taskIDs = draft.directives.first { $0.id == directiveID }?.tasks.map(\.id) ?? []
                if !taskIDs.contains(reference.name) {
                    diagnostics.error(
                        "văn bản '\(directiveID)' không có nhiệm vụ '\(reference.name)'\(didYouMean(reference.name, among: taskIDs))",
                        at: reference.location)
                }
            }
        }
        if let (name, location) = draft.defaultPolicy, !policyNames.contains(name) {
            diagnostics.error("không có chính sách default_policy '\(name)'\(didYouMean(name, among: policyNames))", at: location)
        }
        if let (name, _) = draft.defaultPolicy, name != "default", let location = draft.policyLocations["default"],
           !draft.references.contains(where: { reference in
               if case .policy = reference.kind { return reference.name == "default" }
               return false
           }) {
            diagnostics.warning(
                "policies.default không được dùng vì default_policy là '\(name)' (unused policy): "
                    + "xóa nó, hoặc đặt default_policy: default", at: location)
        }
        reportGroupCycles(draft)
        let registry = Registry(
            units: draft.units, groups: draft.groups, policies: draft.policies, defaultPolicy: draft.defaultPolicy?.0,
            directives: draft.directives, rollOver: draft.calendar.rollOver)
        let state = draft.state ?? .sqlite(path: "nhachan.db")
        var config = Config(
            rootPath: draft.rootPath, files: draft.files, timezone: draft.timezone,
            state: resolved(state, root: draft.rootPath), stateConnection: draft.stateConnection, calendar: draft.calendar, coordinator: draft.coordinator,
            smtp: draft.smtp, http: draft.http, webhooks: draft.webhooks, retentionDays: draft.retentionDays, registry: registry, templatesDirectory: draft.templatesDirectory, undated: draft.undated)
        config.dueLocations = draft.dueLocations
        return config
    }

    private func resolved(_ state: StateLocation, root: String) -> StateLocation {
        if case .sqlite(let path) = state { return .sqlite(path: resolve(path, beside: root)) }
        return state
    }

    /// Each cycle once, at the member reference that closes it.
    private func reportGroupCycles(_ draft: ConfigDraft) {
        let members = Dictionary(draft.groups.map { ($0.id, $0.members) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var path: [String] = []
        var reported = Set<String>()
        func visit(_ id: String) {
            state[id] = 1
            path.append(id)
            for member in members[id] ?? [] where members[member] != nil {
                if state[member] == 1 {
                    let cycle = path.drop(while: { $0 != member }) + [member]
                    let key = Set(cycle).sorted().joined(separator: ",")
                    if reported.insert(key).inserted,
                       let reference = draft.references.first(where: { $0.fromGroup == id && $0.name == member }) {
                        diagnostics.error(
                            "nhóm lồng vòng: \(cycle.joined(separator: " -> ")); một nhóm không thể chứa chính nó", at: reference.location)
                    }
                } else if state[member] == nil {
                    visit(member)
                }
            }
            path.removeLast()
            state[id] = 2
        }
        for group in draft.groups where state[group.id] == nil { visit(group.id) }
    }
}
