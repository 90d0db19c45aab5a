internal import CJansson

/// Builds the jansson tree of a `JSONValue`, for jansson to encode.
///
/// Iterative for the same reason as `JanssonTreeReader`. It refuses what jansson could not read back, so that
/// whatever encodes also decodes to the same value: reals that are NaN or infinite (JSON has no spelling for
/// them) and nesting deeper than jansson's decoding limit (jansson's encoder itself recurses without a limit).
enum JanssonTreeBuilder {
    static func tree(of value: JSONValue) throws(JanssonError) -> JanssonReference {
        let root = JanssonReference(owning: try node(for: value))
        guard var top = Frame(value, node: root.pointer) else { return root }
        var stack: [Frame] = []
        while true {
            guard let child = top.nextChild() else {
                guard let parent = stack.popLast() else { return root }
                top = parent
                continue
            }
            // The child's depth counts every container above it plus itself, as jansson's decoder counts.
            guard stack.count + 2 <= JanssonParser.maximumDepth else {
                throw JanssonError(kind: .depthLimitExceeded,
                                   text: "nesting deeper than \(JanssonParser.maximumDepth) values cannot be decoded again")
            }
            let node = try node(for: child.value)
            // The `_new` setters take over the child's reference even when they fail, so nothing leaks here.
            let attached = child.key.map { attach(node, to: top.node, key: $0) } ?? json_array_append_new(top.node, node)
            guard attached == 0 else { throw outOfMemory }
            if let frame = Frame(child.value, node: node) {
                stack.append(top)
                top = frame
            }
        }
    }

    /// A container and the children of it still to attach.
    private struct Frame {
        let node: UnsafeMutablePointer<json_t>
        let elements: [JSONValue]
        let members: [JSONObject.Member]
        var next = 0

        init?(_ value: JSONValue, node: UnsafeMutablePointer<json_t>) {
            switch value {
            case .array(let elements) where !elements.isEmpty:
                self.elements = elements
                members = []
            case .object(let object) where !object.isEmpty:
                elements = []
                members = object.members
            default:
                return nil
            }
            self.node = node
        }

        mutating func nextChild() -> (key: String?, value: JSONValue)? {
            defer { next += 1 }
            if next < elements.count { return (nil, elements[next]) }
            if next < members.count { return (members[next].key, members[next].value) }
            return nil
        }
    }

    /// A new jansson value for `value`, empty if it is a container; the caller owns the reference.
    private static func node(for value: JSONValue) throws(JanssonError) -> UnsafeMutablePointer<json_t> {
        let made: UnsafeMutablePointer<json_t>?
        switch value {
        case .null: made = json_null()
        case .bool(let flag): made = flag ? json_true() : json_false()
        case .integer(let integer): made = json_integer(integer)
        case .real(let real):
            guard real.isFinite else {
                throw JanssonError(kind: .nonFiniteNumber, text: "\(real) has no JSON representation")
            }
            made = json_real(real)
        case .string(let string): made = withBytes(of: string) { json_stringn_nocheck($0, $1) }
        case .array: made = json_array()
        case .object: made = json_object()
        }
        guard let made else { throw outOfMemory }
        return made
    }

    /// Keys go in with their length, so a key holding NUL stays whole. `nocheck` skips jansson's UTF-8
    /// validation, which a Swift `String` has already passed.
    private static func attach(_ node: UnsafeMutablePointer<json_t>, to object: UnsafeMutablePointer<json_t>,
                               key: String) -> Int32 {
        withBytes(of: key) { json_object_setn_new_nocheck(object, $0, $1, node) }
    }

    private static func withBytes<Result>(of string: String,
                                          _ body: (UnsafePointer<CChar>, Int) -> Result) -> Result {
        var string = string
        return string.withUTF8 { utf8 in
            // An empty string may have no address, and jansson treats a NULL string as an error.
            guard let base = utf8.baseAddress else { return body("", 0) }
            return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: utf8.count) { body($0, utf8.count) }
        }
    }

    private static var outOfMemory: JanssonError {
        JanssonError(kind: .outOfMemory, text: "jansson could not allocate a value")
    }
}
