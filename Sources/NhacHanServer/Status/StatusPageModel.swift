import NhacHanCore
import NhacHanOutbox

/// The values of the `/status` template: the filters' choices, the counts per state, and per
/// directive a units × tasks matrix whose cell is the occurrence that matters now.
struct StatusPageModel {
    var environment: ServerEnvironment
    var filter: StatusFilter

    func values(lines: [StatusLine], csrf: String, back: String) -> [String: Any] {
        let registry = environment.registry
        var counts: [StatusReport.Row.State: Int] = [:]
        for line in lines { counts[line.row.state, default: 0] += 1 }
        let states = StatusReport.Row.State.allCases
        var values: [String: Any] = [
            "directives": registry.directives.map { d -> [String: Any] in
                ["id": d.id, "label": d.number.map { "\($0): \(d.subject)" } ?? d.subject, "selected": d.id == filter.directive]
            },
            "units": registry.units.map { u -> [String: Any] in ["id": u.id, "label": u.name, "selected": u.id == filter.unit] },
            "states": states.map { s -> [String: Any] in ["id": s.rawValue, "label": s.label, "selected": s == filter.state] },
            "counts": states.map { s -> [String: Any] in ["id": s.rawValue, "label": s.label, "count": counts[s, default: 0]] },
        ]
        var sections: [[String: Any]] = []
        for directive in registry.directives {
            let mine = lines.filter { $0.row.directive == directive.id }
            guard !mine.isEmpty else { continue }
            let tasks = directive.tasks.filter { task in mine.contains { $0.row.task == task.id } }
            var units: [String] = []
            var byCell: [String: [StatusLine]] = [:]
            for line in mine {
                if byCell["\(line.row.unit)/\(line.row.task)"] == nil && !units.contains(line.row.unit) { units.append(line.row.unit) }
                byCell["\(line.row.unit)/\(line.row.task)", default: []].append(line)
            }
            let rows = units.map { unit -> [String: Any] in
                let cells = tasks.map { task -> [String: Any] in
                    guard let occurrences = byCell["\(unit)/\(task.id)"], let line = Self.current(occurrences) else { return ["present": false] }
                    var cell: [String: Any] = [
                        "present": true, "state": line.row.state.rawValue, "label": line.row.state.label,
                        "deadline": VietnameseDate.short(line.row.deadline.lastDay),
                        "reported": line.row.ackedAt != nil,
                        "csrf": csrf, "directive": directive.id, "task": task.id, "unit": unit,
                        "occurrence": line.row.deadline.occurrence.description, "back": back,
                    ]
                    if let reportedAt = line.reportedAt { cell["reported_at"] = reportedAt }
                    cell["can_mark"] = !csrf.isEmpty
                    // Mustache sections test presence: zero counts are left out.
                    if occurrences.count > 1 { cell["more"] = occurrences.count - 1 }
                    if line.workingDaysLate > 0 { cell["late"] = line.workingDaysLate }
                    return cell
                }
                return ["unit": unit, "unit_name": environment.unitName(unit), "cells": cells]
            }
            var section: [String: Any] = [
                "subject": directive.subject, "tasks": tasks.map { ["action": $0.action] }, "rows": rows,
            ]
            if let number = directive.number { section["number"] = number }
            sections.append(section)
        }
        values["sections"] = sections
        return values
    }

    /// The occurrence a cell shows: the oldest overdue one, else the next one due, else the
    /// latest reported one.
    static func current(_ lines: [StatusLine]) -> StatusLine? {
        let byDate = lines.sorted { $0.row.deadline.instant < $1.row.deadline.instant }
        if let overdue = byDate.first(where: { $0.row.state == .overdue }) { return overdue }
        if let open = byDate.first(where: { $0.row.state == .dueSoon || $0.row.state == .pending }) { return open }
        return byDate.last
    }
}
