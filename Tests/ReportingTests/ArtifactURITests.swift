@testable import Reporting
import Testing

@Test(arguments: [
    ("data/train.jsonl", "data/train.jsonl"),
    ("./data/train.jsonl", "data/train.jsonl"),
    ("././a.jsonl", "a.jsonl"),
    ("my data/résumé #1.jsonl", "my%20data/r%C3%A9sum%C3%A9%20%231.jsonl"),
    ("c:odd?name%.jsonl", "c%3Aodd%3Fname%25.jsonl"),
    ("/abs/path/a b.jsonl", "file:///abs/path/a%20b.jsonl"),
    ("-", "stdin"),
    ("<stdin>", "stdin"),
])
func artifactURIOfPath(path: String, uri: String) {
    #expect(ArtifactURI.uri(forPath: path) == uri)
}
