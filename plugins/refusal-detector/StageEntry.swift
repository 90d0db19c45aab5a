// The C face of refusal-detector: the descriptor and the `datalint_stage_entry` symbol (datalint_stage.h).
import DatalintStageABI

/// The descriptor must stay valid and unchanged while the library is loaded: it is allocated once (Swift runs a
/// global's initializer exactly once, thread-safely) and never freed. Its strings are static string literals,
/// which live in the library's read-only data, NUL-terminated.
nonisolated(unsafe) private let descriptor: UnsafeMutablePointer<datalint_stage_descriptor> = {
    let descriptor = UnsafeMutablePointer<datalint_stage_descriptor>.allocate(capacity: 1)
    descriptor.initialize(to: datalint_stage_descriptor(
        struct_size: UInt32(MemoryLayout<datalint_stage_descriptor>.size),
        abi_major: DATALINT_STAGE_ABI_MAJOR,
        abi_minor: DATALINT_STAGE_ABI_MINOR,
        name: cString("refusal-detector"),
        version: cString("1.0.0"),
        description: cString("Flags assistant turns that are refusals or AI boilerplate"),
        // Instances are read-only after create, and process keeps its state in locals. (Swift imports the
        // `((uint64_t)1 << n)` macros as Int32, hence the conversions.)
        capabilities: UInt64(DATALINT_STAGE_CHECKS) | UInt64(DATALINT_STAGE_THREAD_SAFE),
        configuration_schema: cString(Configuration.schema),
        create: create,
        process: process,
        finish: nil,
        destroy: destroy))
    return descriptor
}()

private func cString(_ literal: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)
}

@_cdecl("datalint_stage_entry")
public func datalintStageEntry(_ hostABIMajor: UInt32) -> UnsafePointer<datalint_stage_descriptor>? {
    hostABIMajor == DATALINT_STAGE_ABI_MAJOR ? UnsafePointer(descriptor) : nil
}

private func create(_ configuration: UnsafePointer<CChar>?, _ length: Int, _ host: UnsafePointer<datalint_host>?,
                    _ instance: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    // Every service used here exists in ABI 1.0; a smaller table is not a 1.x host.
    let servicesSize = MemoryLayout<datalint_host>.offset(of: \.fail)! + MemoryLayout<UnsafeRawPointer>.size
    guard let host, let instance, host.pointee.struct_size >= servicesSize else { return DATALINT_FAILED }
    let text = UnsafeBufferPointer(start: UnsafeRawPointer(configuration)?.assumingMemoryBound(to: UInt8.self),
                                   count: configuration == nil ? 0 : length)
    do {
        let detector = RefusalDetector(host: host, configuration: try Configuration.parse(text))
        // The retain taken here is given back in destroy.
        instance.pointee = OpaquePointer(Unmanaged.passRetained(detector).toOpaque())
        return DATALINT_OK
    } catch {
        "refusal-detector: \(error.message)".withCString { host.pointee.fail?(host.pointee.context, $0) }
        return DATALINT_FAILED
    }
}

private func detector(_ instance: OpaquePointer?) -> RefusalDetector? {
    guard let instance else { return nil }
    return Unmanaged<RefusalDetector>.fromOpaque(UnsafeRawPointer(instance)).takeUnretainedValue()
}

private func process(_ instance: OpaquePointer?, _ records: UnsafePointer<datalint_record>?, _ count: Int) -> Int32 {
    guard let detector = detector(instance) else { return DATALINT_FAILED }
    return detector.process(UnsafeBufferPointer(start: records, count: records == nil ? 0 : count))
}

private func destroy(_ instance: OpaquePointer?) {
    guard let instance else { return }
    Unmanaged<RefusalDetector>.fromOpaque(UnsafeRawPointer(instance)).release()
}
