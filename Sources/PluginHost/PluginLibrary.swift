#if canImport(Glibc)
import Glibc
#endif
import DatalintStageABI

/// A loaded stage plugin: the shared library and its descriptor, checked.
///
/// Libraries are never unloaded: an instance may still be running on another thread, and many runtimes (Swift's
/// among them) cannot be unloaded safely. The descriptor is read-only by the ABI's contract, so sharing it between
/// threads is safe.
final class PluginLibrary: @unchecked Sendable {
    let descriptor: PluginDescriptor
    /// The plugin's own descriptor, for calls; valid while the library is loaded (always).
    let raw: UnsafePointer<datalint_stage_descriptor>

    private init(descriptor: PluginDescriptor, raw: UnsafePointer<datalint_stage_descriptor>) {
        self.descriptor = descriptor
        self.raw = raw
    }

    /// Loads `path`, asks its entry for a descriptor and negotiates the ABI version.
    static func load(_ path: String) throws(PluginLoadError) -> PluginLibrary {
        dlerror()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw .cannotOpen(path: path, reason: dlerror().map { String(cString: $0) } ?? "dlopen failed")
        }
        guard let symbol = dlsym(handle, "datalint_stage_entry") else { throw .missingEntry(path: path) }
        let entry = unsafeBitCast(symbol, to: datalint_stage_entry_function.self)
        guard let raw = entry(PluginABI.major) else { throw .refusedHost(path: path, hostMajor: PluginABI.major) }
        let copy = prefixCopy(of: raw)
        if copy.abi_major > PluginABI.major { throw .tooNew(path: path, major: copy.abi_major, minor: copy.abi_minor) }
        if copy.abi_major < PluginABI.oldestMajor { throw .tooOld(path: path, major: copy.abi_major, minor: copy.abi_minor) }
        let descriptor = try describe(copy, path: path)
        return PluginLibrary(descriptor: descriptor, raw: raw)
    }

    /// The descriptor as this host knows it: the plugin's bytes up to its `struct_size`, the rest zero (fields a
    /// plugin built for an older minor version does not have).
    private static func prefixCopy(of raw: UnsafePointer<datalint_stage_descriptor>) -> datalint_stage_descriptor {
        var copy = datalint_stage_descriptor()
        let size = min(Int(raw.pointee.struct_size), MemoryLayout<datalint_stage_descriptor>.size)
        withUnsafeMutableBytes(of: &copy) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(start: UnsafeRawPointer(raw), count: size))
        }
        return copy
    }

    private static func describe(_ raw: datalint_stage_descriptor, path: String) throws(PluginLoadError) -> PluginDescriptor {
        func text(_ pointer: UnsafePointer<CChar>?, _ field: String) throws(PluginLoadError) -> String {
            guard let pointer else { throw .malformedDescriptor(path: path, reason: "`\(field)` is NULL") }
            return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
        }
        guard Int(raw.struct_size) >= MemoryLayout<datalint_stage_descriptor>.offset(of: \.destroy)! + MemoryLayout<UnsafeRawPointer>.size
        else { throw .malformedDescriptor(path: path, reason: "`struct_size` \(raw.struct_size) is smaller than ABI 1.0's descriptor") }
        let name = try text(raw.name, "name")
        guard PluginDescriptor.isValidName(name) else {
            throw .malformedDescriptor(path: path, reason: "stage name '\(name)' must be lowercase letters, digits and '-', starting with a letter")
        }
        guard raw.create != nil, raw.process != nil, raw.destroy != nil else {
            throw .malformedDescriptor(path: path, reason: "`create`, `process` and `destroy` are required")
        }
        return PluginDescriptor(name: name, version: try text(raw.version, "version"), description: try text(raw.description, "description"),
                                abiMajor: raw.abi_major, abiMinor: raw.abi_minor,
                                capabilities: .init(rawValue: raw.capabilities),
                                configurationSchema: raw.configuration_schema.map { String(cString: $0) }, path: path)
    }
}
