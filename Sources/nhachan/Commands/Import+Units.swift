import NhacHanConfig
import NhacHanImport

/// The unit directory of a configuration, for matching the names a directive writes.
///
/// Loads the config with the same loader as every command, so includes are followed and a bad
/// config is reported the same way (exit 2).
func loadUnitDirectory(configPath: String) throws -> UnitDirectory {
    let registry = try ConfigOptions.parse(["--config", configPath]).load().config.registry
    let units = registry.units.map { UnitDirectory.Entry(id: $0.id, name: $0.name, aliases: $0.aliases, isGroup: false) }
    let groups = registry.groups.map { UnitDirectory.Entry(id: $0.id, name: $0.name, aliases: $0.aliases, isGroup: true) }
    return UnitDirectory(entries: units + groups)
}
