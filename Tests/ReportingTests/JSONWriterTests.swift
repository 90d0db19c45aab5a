@testable import Reporting
import Testing

private func sampleDocument(indentUnit: String?) -> String {
    var json = JSONWriter(indentUnit: indentUnit)
    json.object { json in
        json.member("name", "x")
        json.array("empty") { _ in }
        json.object("nested") { json in
            json.member("n", 1)
            json.key("flag")
            json.value(true)
        }
        json.array("items") { json in
            json.value(1)
            json.object { _ in }
            json.value("s")
        }
    }
    return json.takeOutput()
}

@Test func jsonWriterWritesCompactJSON() {
    #expect(sampleDocument(indentUnit: nil) == #"{"name":"x","empty":[],"nested":{"n":1,"flag":true},"items":[1,{},"s"]}"#)
}

@Test func jsonWriterIndentsNestedContainers() {
    #expect(sampleDocument(indentUnit: "  ") == """
        {
          "name": "x",
          "empty": [],
          "nested": {
            "n": 1,
            "flag": true
          },
          "items": [
            1,
            {},
            "s"
          ]
        }
        """)
}

@Test func jsonWriterKeepsNestingStateWhenOutputIsTaken() {
    var json = JSONWriter()
    json.beginArray()
    json.value(1)
    let first = json.takeOutput()
    json.value(2)
    json.endArray()
    #expect(first == "[1")
    #expect(json.takeOutput() == ",2]")
    #expect(json.output.isEmpty)
}
