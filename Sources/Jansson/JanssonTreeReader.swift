internal import CJansson

/// Copies a jansson tree into a `JSONValue`.
///
/// The walk keeps its own stack instead of recursing: jansson trees are at most 2048 deep, but this runs on
/// whatever thread decodes (a cooperative-pool thread for the language server), and its stack is not ours to
/// budget. Strings are copied once, straight from jansson's buffer with jansson's length, so NUL survives.
enum JanssonTreeReader {
    static func value(of root: borrowing JanssonReference) -> JSONValue {
        guard var top = Frame(opening: root.pointer, key: nil) else { return scalar(root.pointer) }
        var stack: [Frame] = []
        while true {
            if let child = top.nextChild() {
                if let frame = Frame(opening: child.value, key: child.key) {
                    stack.append(top)
                    top = frame
                } else {
                    top.append(scalar(child.value), key: child.key)
                }
                continue
            }
            let finished = top.finish()
            guard var parent = stack.popLast() else { return finished }
            parent.append(finished, key: top.key)
            top = parent
        }
    }

    /// One array or object being copied: where jansson's iteration is, and the children copied so far.
    private struct Frame {
        let container: UnsafeMutablePointer<json_t>
        /// The key of this container in its parent object.
        let key: String?
        let isObject: Bool
        var elements: [JSONValue] = []
        var members: [JSONObject.Member] = []
        var nextIndex = 0
        var iterator: UnsafeMutableRawPointer?

        init?(opening container: UnsafeMutablePointer<json_t>, key: String?) {
            switch datalint_json_typeof(container) {
            case JSON_ARRAY:
                isObject = false
                elements.reserveCapacity(json_array_size(container))
            case JSON_OBJECT:
                isObject = true
                members.reserveCapacity(json_object_size(container))
                iterator = json_object_iter(container)
            default:
                return nil
            }
            self.container = container
            self.key = key
        }

        mutating func nextChild() -> (key: String?, value: UnsafeMutablePointer<json_t>)? {
            if isObject {
                guard let current = iterator, let value = json_object_iter_value(current) else { return nil }
                iterator = json_object_iter_next(container, current)
                let key = String(decoding: UnsafeRawBufferPointer(start: json_object_iter_key(current),
                                                                  count: json_object_iter_key_len(current)),
                                 as: UTF8.self)
                return (key, value)
            }
            guard nextIndex < json_array_size(container), let value = json_array_get(container, nextIndex) else {
                return nil
            }
            nextIndex += 1
            return (nil, value)
        }

        mutating func append(_ value: JSONValue, key: String?) {
            if isObject {
                members.append(JSONObject.Member(key: key ?? "", value: value))
            } else {
                elements.append(value)
            }
        }

        func finish() -> JSONValue {
            isObject ? .object(JSONObject(uniqueMembers: members)) : .array(elements)
        }
    }

    private static func scalar(_ json: UnsafeMutablePointer<json_t>) -> JSONValue {
        switch datalint_json_typeof(json) {
        case JSON_STRING:
            .string(String(decoding: UnsafeRawBufferPointer(start: json_string_value(json), count: json_string_length(json)),
                           as: UTF8.self))
        case JSON_INTEGER: .integer(json_integer_value(json))
        case JSON_REAL: .real(json_real_value(json))
        case JSON_TRUE: .bool(true)
        case JSON_FALSE: .bool(false)
        default: .null
        }
    }
}
