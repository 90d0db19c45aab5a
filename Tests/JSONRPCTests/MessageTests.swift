import Jansson
import JSONRPC
import Testing

@Suite struct MessageTests {
    func message(_ text: String) throws -> Message {
        try Message(try JSONValue.decode(text))
    }

    @Test func requestsNotificationsAndResponsesAreTold() throws {
        #expect(try message(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#)
            == .request(id: .number(1), method: "initialize", params: .object(JSONObject())))
        #expect(try message(#"{"jsonrpc":"2.0","method":"exit"}"#) == .notification(method: "exit", params: nil))
        #expect(try message(#"{"jsonrpc":"2.0","id":"a","result":null}"#) == .response(id: .string("a"), result: .null))
        #expect(try message(#"{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"no"}}"#)
            == .errorResponse(id: .number(2), error: ResponseError(code: -32601, message: "no")))
    }

    @Test func invalidMessagesCarryTheErrorToAnswerWith() {
        #expect(throws: MessageError.self) { try message("[1]") }
        do {
            _ = try message(#"{"jsonrpc":"2.0","id":3,"method":7}"#)
            Issue.record("a numeric method was accepted")
        } catch let error as MessageError {
            #expect(error.id == .number(3))
            #expect(error.error.code == ResponseError.invalidRequestCode)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func encodingPutsJSONRPCVersionFirstAndNullIDForUnknownRequests() throws {
        let text = try Message.errorResponse(id: nil, error: .parseError("bad")).json.encodedString()
        #expect(text == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#)
    }
}

@Test func nullParamsAreTakenAsAbsent() throws {
    let parsed = try Message(try JSONValue.decode(#"{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}"#))
    #expect(parsed == .request(id: .number(2), method: "shutdown", params: nil))
}
