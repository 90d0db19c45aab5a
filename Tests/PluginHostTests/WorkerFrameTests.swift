@testable import PluginHost
import RecordScanner
import Testing

@Suite struct WorkerFrameTests {
    @Test func everyEventSurvivesTheWorkerFrames() throws {
        let events: [PluginEvent] = [
            .diagnostic(PluginDiagnostic(line: 7, code: "demo/x", severity: 2, message: "é “quoted”", place: .pointer("/a~1b/0"),
                                         replacement: Array(#""new""#.utf8))),
            .diagnostic(PluginDiagnostic(line: 1 << 40, code: "demo/y", severity: 4, message: "", place: .bytes(-1, -1), replacement: nil)),
            .record(line: 3, json: Array(#"{"a":1}"#.utf8)),
            .drop(line: 4, reason: "too toxic"),
            .log(level: 3, message: "hello"),
        ]
        for event in events {
            let frame = event.frame
            let kind = try #require(FrameKind(rawValue: frame[0]))
            #expect(Int(frame[1]) | Int(frame[2]) << 8 | Int(frame[3]) << 16 | Int(frame[4]) << 24 == frame.count - 5)
            #expect(try PluginEvent(kind: kind, payload: Array(frame[5...])) == event)
        }
    }

    @Test func aTruncatedFrameIsAnErrorNotACrash() {
        let frame = PluginEvent.log(level: 1, message: "a long enough message").frame
        for cut in 5..<(frame.count - 1) {
            #expect(throws: FrameError.self) { try PluginEvent(kind: .log, payload: Array(frame[5..<cut])) }
        }
    }

    @Test func descriptorsSurviveTheHelloFrame() throws {
        let descriptor = PluginDescriptor(name: "demo", version: "1.2", description: "A demo.", abiMajor: 1, abiMinor: 0,
                                          capabilities: [.checks, .transforms], configurationSchema: #"{"type":"object"}"#,
                                          path: "/x/libdemo.so")
        #expect(try PluginDescriptor(hello: Array(descriptor.helloFrame[5...]), path: "/x/libdemo.so") == descriptor)
    }

    @Test func stageNamesAreLowercaseWordsWithDashes() {
        #expect(PluginDescriptor.isValidName("wordlist-filter"))
        #expect(PluginDescriptor.isValidName("x2"))
        for bad in ["", "Word", "2x", "a/b", "a b", "é", String(repeating: "a", count: 65)] {
            #expect(!PluginDescriptor.isValidName(bad), "\(bad)")
        }
    }
}

@Suite struct JSONPointerTests {
    let record: ParsedRecord = {
        var scanner = RecordScanner()
        return scanner.scan(Array(#"{"messages":[{"role":"user","content":"hi"}],"a/b":{"m~n":[10,20]},"":"empty key"}"#.utf8))
    }()

    func text(_ pointer: String) -> String? { record.node(atPointer: pointer).map(record.rawText) }

    @Test func pointersFollowRFC6901() {
        #expect(text("") == record.rawText(0))
        #expect(text("/messages/0/content") == #""hi""#)
        #expect(text("/a~1b/m~0n/1") == "20")
        #expect(text("/") == #""empty key""#)
    }

    @Test func pointersToNothingAreNil() {
        for pointer in ["/missing", "/messages/1", "/messages/01", "/messages/-1", "/messages/0/content/x", "messages", "/a~1b/m~0n/2"] {
            #expect(text(pointer) == nil, "\(pointer)")
        }
    }
}
