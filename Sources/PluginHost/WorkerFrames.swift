/// The messages between datalint and a plugin's worker process, over pipes: a one-byte kind, a 32-bit little-endian
/// payload length, and the payload, whose integers are little-endian and strings length-prefixed.
///
/// host → worker: `C` configuration (create the instance), `P` a batch of records, `F` finish.
/// worker → host: `H` the descriptor (first), `Z` a load error (then exit), events (`D` diagnostic, `R` record,
/// `X` drop, `L` log) and, closing every call, `E` its status.
enum FrameKind: UInt8 {
    case configure = 0x43  // C
    case process = 0x50    // P
    case finish = 0x46     // F
    case hello = 0x48      // H
    case loadError = 0x5A  // Z
    case diagnostic = 0x44 // D
    case record = 0x52     // R
    case drop = 0x58       // X
    case log = 0x4C        // L
    case refused = 0x56    // V
    case end = 0x45        // E
}

/// Builds a frame's payload.
struct FrameWriter {
    private(set) var bytes: [UInt8] = []

    init(_ kind: FrameKind) {
        bytes = [kind.rawValue, 0, 0, 0, 0]
    }

    mutating func integer<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func data<Bytes: Collection<UInt8>>(_ data: Bytes) {
        integer(UInt32(data.count))
        bytes.append(contentsOf: data)
    }

    mutating func string(_ text: String) { data(Array(text.utf8)) }

    /// Bytes without a length: a payload that is one text.
    mutating func raw<Bytes: Collection<UInt8>>(_ data: Bytes) { bytes.append(contentsOf: data) }

    /// The frame, its length filled in.
    var frame: [UInt8] {
        var framed = bytes
        let length = UInt32(bytes.count - 5).littleEndian
        withUnsafeBytes(of: length) { framed.replaceSubrange(1..<5, with: $0) }
        return framed
    }
}

/// Reads a frame's payload; every read checks the bounds (a worker's output is not trusted).
struct FrameReader {
    private let payload: [UInt8]
    private var offset = 0

    init(_ payload: [UInt8]) {
        self.payload = payload
    }

    mutating func integer<Value: FixedWidthInteger>(_: Value.Type = Value.self) throws(FrameError) -> Value {
        let size = MemoryLayout<Value>.size
        guard offset + size <= payload.count else { throw FrameError("a frame ends inside a number") }
        var value = Value.zero
        for index in 0..<size { value |= Value(payload[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    mutating func data() throws(FrameError) -> [UInt8] {
        let count = Int(try integer(UInt32.self))
        guard offset + count <= payload.count else { throw FrameError("a frame ends inside a string") }
        defer { offset += count }
        return Array(payload[offset..<(offset + count)])
    }

    mutating func string() throws(FrameError) -> String { String(decoding: try data(), as: UTF8.self) }
}

struct FrameError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension PluginEvent {
    /// The event as a worker sends it.
    var frame: [UInt8] {
        switch self {
        case .diagnostic(let diagnostic):
            var writer = FrameWriter(.diagnostic)
            writer.integer(UInt64(diagnostic.line))
            writer.integer(Int32(diagnostic.severity))
            writer.string(diagnostic.code)
            writer.string(diagnostic.message)
            switch diagnostic.place {
            case .pointer(let pointer):
                writer.integer(UInt8(0))
                writer.string(pointer)
            case .bytes(let start, let end):
                writer.integer(UInt8(1))
                writer.integer(Int64(start))
                writer.integer(Int64(end))
            }
            writer.integer(UInt8(diagnostic.replacement == nil ? 0 : 1))
            writer.data(diagnostic.replacement ?? [])
            return writer.frame
        case .record(let line, let json):
            var writer = FrameWriter(.record)
            writer.integer(UInt64(line))
            writer.data(json)
            return writer.frame
        case .drop(let line, let reason):
            var writer = FrameWriter(.drop)
            writer.integer(UInt64(line))
            writer.string(reason)
            return writer.frame
        case .log(let level, let message):
            var writer = FrameWriter(.log)
            writer.integer(Int32(level))
            writer.string(message)
            return writer.frame
        case .refused(let line, let reason):
            var writer = FrameWriter(.refused)
            writer.integer(Int64(line ?? -1))
            writer.string(reason)
            return writer.frame
        }
    }

    /// Reads an event frame's payload.
    init(kind: FrameKind, payload: [UInt8]) throws(FrameError) {
        var reader = FrameReader(payload)
        switch kind {
        case .diagnostic:
            let line = Int(clamping: try reader.integer(UInt64.self))
            let severity = Int(try reader.integer(Int32.self))
            let code = try reader.string(), message = try reader.string()
            let place: PluginDiagnostic.Place = try reader.integer(UInt8.self) == 0
                ? .pointer(try reader.string())
                : .bytes(Int(try reader.integer(Int64.self)), Int(try reader.integer(Int64.self)))
            let hasReplacement = try reader.integer(UInt8.self) == 1
            let replacement = try reader.data()
            self = .diagnostic(PluginDiagnostic(line: line, code: code, severity: severity, message: message, place: place,
                                                replacement: hasReplacement ? replacement : nil))
        case .record:
            self = .record(line: Int(clamping: try reader.integer(UInt64.self)), json: try reader.data())
        case .drop:
            self = .drop(line: Int(clamping: try reader.integer(UInt64.self)), reason: try reader.string())
        case .log:
            self = .log(level: Int(try reader.integer(Int32.self)), message: try reader.string())
        case .refused:
            let line = Int(try reader.integer(Int64.self))
            self = .refused(line: line < 0 ? nil : line, reason: try reader.string())
        default:
            throw FrameError("frame \(kind) is not an event")
        }
    }
}

extension PluginDescriptor {
    var helloFrame: [UInt8] {
        var writer = FrameWriter(.hello)
        writer.string(name)
        writer.string(version)
        writer.string(description)
        writer.integer(abiMajor)
        writer.integer(abiMinor)
        writer.integer(capabilities.rawValue)
        writer.integer(UInt8(configurationSchema == nil ? 0 : 1))
        writer.string(configurationSchema ?? "")
        return writer.frame
    }

    init(hello payload: [UInt8], path: String) throws(FrameError) {
        var reader = FrameReader(payload)
        let name = try reader.string(), version = try reader.string(), description = try reader.string()
        let major = try reader.integer(UInt32.self), minor = try reader.integer(UInt32.self)
        let capabilities = Capabilities(rawValue: try reader.integer(UInt64.self))
        let hasSchema = try reader.integer(UInt8.self) == 1
        let schema = try reader.string()
        self.init(name: name, version: version, description: description, abiMajor: major, abiMinor: minor,
                  capabilities: capabilities, configurationSchema: hasSchema ? schema : nil, path: path)
    }
}
