/// The units and groups that a directive's names are matched against.
///
/// The lead builds it from the config's `units:` and `groups:`; the importer only needs ids,
/// display names and the aliases written in directives ("Phòng GD&ĐT", "UBND xã, thị trấn").
public struct UnitDirectory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var name: String
        public var aliases: [String]
        /// A group ("UBND các xã, thị trấn") that expands to member units in the config.
        public var isGroup: Bool

        public init(id: String, name: String, aliases: [String] = [], isGroup: Bool = false) {
            self.id = id
            self.name = name
            self.aliases = aliases
            self.isGroup = isGroup
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }
}
