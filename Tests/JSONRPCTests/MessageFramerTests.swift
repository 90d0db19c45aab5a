import JSONRPC
import Testing

@Suite struct MessageFramerTests {
    func frame(_ body: String, header: String? = nil) -> [UInt8] {
        Array(((header ?? "Content-Length: \(body.utf8.count)\r\n") + "\r\n" + body).utf8)
    }

    func bodies(_ events: [MessageFramer.Event]) -> [String] {
        events.compactMap { if case .body(let bytes) = $0 { String(decoding: bytes, as: UTF8.self) } else { nil } }
    }

    func problems(_ events: [MessageFramer.Event]) -> [String] {
        events.compactMap { if case .problem(let text) = $0 { text } else { nil } }
    }

    @Test func framesArriveWholeWhateverTheReadSizes() {
        let stream = frame(#"{"a":1}"#) + frame(#"{"b":"é"}"#, header: "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 10\r\n")
        for split in 1..<stream.count {
            var framer = MessageFramer()
            let events = framer.append(stream[..<split]) + framer.append(stream[split...])
            #expect(bodies(events) == [#"{"a":1}"#, #"{"b":"é"}"#], "split at \(split)")
        }
    }

    @Test func headerNamesAreCaseInsensitive() {
        var framer = MessageFramer()
        #expect(bodies(framer.append(frame("{}", header: "content-length: 2\r\n"))) == ["{}"])
    }

    @Test func missingContentLengthIsReportedAndTheNextMessageStillArrives() {
        var framer = MessageFramer()
        let events = framer.append(frame("", header: "Content-Type: x\r\n") + frame(#"{"ok":true}"#))
        #expect(problems(events).first?.contains("no Content-Length") == true)
        #expect(bodies(events) == [#"{"ok":true}"#])
    }

    @Test func invalidContentLengthIsReported() {
        var framer = MessageFramer()
        let events = framer.append(frame("", header: "Content-Length: twelve\r\n") + frame("[]"))
        #expect(problems(events).first?.contains("invalid Content-Length 'twelve'") == true)
        #expect(bodies(events) == ["[]"])
    }

    @Test func tooShortContentLengthLeavesGarbageThatIsSkipped() {
        var framer = MessageFramer()
        let events = framer.append(frame(#"{"long":"message"}"#, header: "Content-Length: 5\r\n") + frame(#"{"next":1}"#))
        #expect(bodies(events) == [#"{"lon"#, #"{"next":1}"#])
        #expect(problems(events).first?.contains("not a message header") == true)
    }

    @Test func oversizedBodiesAreSkippedNotBuffered() {
        var framer = MessageFramer(maximumBodySize: 8)
        let events = framer.append(frame(String(repeating: "x", count: 20)) + frame("{}"))
        #expect(problems(events).first?.contains("larger than the limit") == true)
        #expect(bodies(events) == ["{}"])
        #expect(framer.pendingByteCount == 0)
    }
}

@Test func aLargeBodyIsHandedOverToBeReadInPlaceAndFramingContinuesAfterIt() {
    var framer = MessageFramer()
    let body = Array(repeating: UInt8(ascii: "x"), count: 5000)
    let header = Array("Content-Length: 5000\r\n\r\n".utf8)
    #expect(framer.append(header + body[..<1200]).isEmpty)
    guard let (partial, received) = framer.takePartialBody(minimumLength: 4096) else {
        Issue.record("no partial body")
        return
    }
    #expect(received == 1200 && partial.count == 5000)
    #expect(Array(partial[..<1200]) == Array(body[..<1200]))
    #expect(framer.pendingByteCount == 0)
    let next = framer.append(Array("Content-Length: 2\r\n\r\n{}".utf8))
    #expect(next == [.body(Array("{}".utf8))])
}
