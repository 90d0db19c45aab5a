@testable import Configuration
import Testing

@Test func editDistanceCountsSwapsAsOneEdit() {
    #expect(NameSuggestion.editDistance(Array("selct"), Array("select")) == 1)
    #expect(NameSuggestion.editDistance(Array("slect"), Array("select")) == 1)
    #expect(NameSuggestion.editDistance(Array("fromat"), Array("format")) == 1)
    #expect(NameSuggestion.editDistance(Array(""), Array("abc")) == 3)
    #expect(NameSuggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
}

@Test func suggestsOnlyPlausibleTypos() {
    #expect(NameSuggestion.closest(to: "selct", among: ["ignore", "select"]) == "select")
    #expect(NameSuggestion.closest(to: "colour", among: ["roles", "max_depth"]) == nil)
    #expect(NameSuggestion.closest(to: "x", among: ["y"]) == "y")
    #expect(NameSuggestion.closest(to: "ab", among: ["xy"]) == nil)
}
