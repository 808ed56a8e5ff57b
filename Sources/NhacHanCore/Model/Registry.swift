/// Everything the planner needs from a configuration: units, groups, policies and directives.
public struct Registry: Hashable, Sendable {
    public var units: [OfficeUnit] { didSet { unitIndex = Self.index(units, by: \.id) } }
    public var groups: [UnitGroup]
    public var policies: [String: Policy]
    /// The policy of tasks and directives that name none; `nil` means the built-in default.
    public var defaultPolicy: String?
    public var directives: [Directive] { didSet { directiveIndex = Self.index(directives, by: \.id) } }
    /// Positions by id: a lookup per delivery must not scan 20,000 units.
    private var unitIndex: [String: Int]
    private var directiveIndex: [String: Int]
    /// Whether a fixed date on a day off moves to the next working day.
    public var rollOver: Bool

    public init(
        units: [OfficeUnit] = [], groups: [UnitGroup] = [], policies: [String: Policy] = [:],
        defaultPolicy: String? = nil, directives: [Directive] = [], rollOver: Bool = false
    ) {
        self.units = units
        self.groups = groups
        self.policies = policies
        self.defaultPolicy = defaultPolicy
        self.directives = directives
        self.rollOver = rollOver
        unitIndex = Self.index(units, by: \.id)
        directiveIndex = Self.index(directives, by: \.id)
    }

    /// The first position of each id.
    private static func index<T>(_ items: [T], by id: (T) -> String) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(items.count)
        for (position, item) in items.enumerated() where index[id(item)] == nil { index[id(item)] = position }
        return index
    }

    /// The policy that applies to a task of a directive.
    public func policy(for task: DirectiveTask, in directive: Directive) -> Policy {
        let name = task.policy ?? directive.policy ?? defaultPolicy
        return name.flatMap { policies[$0] } ?? .builtInDefault
    }

    /// The unit ids a unit or group id stands for, groups expanded recursively, in order, without repeats.
    ///
    /// Unknown ids and group cycles expand to nothing here; the config loader reports them.
    public func expand(_ ids: [String]) -> [String] {
        let groupsByID = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unitIDs = Set(units.map(\.id))
        var seen = Set<String>()
        var visiting = Set<String>()
        var result: [String] = []
        func visit(_ id: String) {
            if unitIDs.contains(id) {
                if seen.insert(id).inserted { result.append(id) }
            } else if let group = groupsByID[id], visiting.insert(id).inserted {
                group.members.forEach(visit)
                visiting.remove(id)
            }
        }
        ids.forEach(visit)
        return result
    }

    public func unit(_ id: String) -> OfficeUnit? { unitIndex[id].map { units[$0] } }
    public func directive(_ id: String) -> Directive? { directiveIndex[id].map { directives[$0] } }
}
