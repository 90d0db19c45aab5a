import Jansson

/// One JSON-RPC 2.0 message, as it crosses the wire.
public enum Message: Sendable, Equatable {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    case response(id: RequestID, result: JSONValue)
    /// A failed request; `id` is nil when the request could not be read far enough to know it.
    case errorResponse(id: RequestID?, error: ResponseError)

    /// Classifies a decoded body; a body that is JSON but no JSON-RPC message gives the error to answer with.
    public init(_ value: JSONValue) throws(MessageError) {
        guard case .object = value else {
            throw MessageError(id: nil, error: .invalidRequest("a JSON-RPC message must be an object"))
        }
        let rawID = value["id"]
        let id = rawID.flatMap(RequestID.init)
        if let rawID, id == nil, !rawID.isNull {
            throw MessageError(id: nil, error: .invalidRequest("'id' must be a number or a string"))
        }
        if let method = value["method"] {
            guard let name = method.stringValue else {
                throw MessageError(id: id, error: .invalidRequest("'method' must be a string"))
            }
            // `null` is taken as absent: LSP's void params are sent that way by common clients.
            let params: JSONValue? = value["params"].flatMap { $0.isNull ? JSONValue?.none : $0 }
            if let params, params.objectValue == nil, params.arrayValue == nil {
                throw MessageError(id: id, error: .invalidRequest("'params' must be an object or an array"))
            }
            self = id.map { .request(id: $0, method: name, params: params) } ?? .notification(method: name, params: params)
            return
        }
        if let error = value["error"] {
            guard let parsed = ResponseError(error) else {
                throw MessageError(id: nil, error: .invalidRequest("'error' lacks an integer code"))
            }
            self = .errorResponse(id: id, error: parsed)
            return
        }
        guard let id, let result = value["result"] else {
            throw MessageError(id: id, error: .invalidRequest("a message needs 'method', or 'id' with 'result' or 'error'"))
        }
        self = .response(id: id, result: result)
    }

    /// The message as a JSON object, `jsonrpc` first.
    public var json: JSONValue {
        var object = JSONObject([("jsonrpc", .string("2.0"))])
        switch self {
        case .request(let id, let method, let params):
            object["id"] = id.json
            object["method"] = .string(method)
            if let params { object["params"] = params }
        case .notification(let method, let params):
            object["method"] = .string(method)
            if let params { object["params"] = params }
        case .response(let id, let result):
            object["id"] = id.json
            object["result"] = result
        case .errorResponse(let id, let error):
            object["id"] = id?.json ?? .null
            object["error"] = error.json
        }
        return .object(object)
    }
}

/// A body that is JSON but not a valid JSON-RPC message: the error response it deserves.
public struct MessageError: Error, Sendable, Equatable {
    public let id: RequestID?
    public let error: ResponseError
}
