import Testing
import Tokenization

@Test func estimatesAreLabelledApproximate() {
    let estimate = ApproximateTokenCounter().count("hello world")
    #expect(estimate.isApproximate)
    #expect(estimate.value == 3)  // 11 ASCII characters at a quarter each, rounded up
    #expect(estimate.description == "≈3")
    #expect(TokenCount.exact(3).description == "3")
    #expect((TokenCount.exact(3) + estimate).isApproximate)
    #expect(ApproximateTokenCounter().count("").value == 0)
}

@Test func cjkAndOtherScriptsWeighMoreThanEnglish() {
    let counter = ApproximateTokenCounter(weights: .cl100kBase)
    #expect(counter.count("日本語のテキスト").value == 10)   // 8 CJK characters × 1.2
    #expect(counter.count("Привет").value == 3)          // 6 two-byte characters × 0.5
    #expect(counter.count("नमस्ते").value == 12)           // 6 other three-byte characters × 2
    #expect(counter.count("😀").value == 3)
    let o200k = ApproximateTokenCounter(approximating: .o200kBase)
    #expect(o200k.weights == .o200kBase)
    #expect(o200k.count("日本語のテキスト").value == 7)
}

@Test func bytesAndStringsEstimateAlike() {
    let counter = ApproximateTokenCounter()
    let text = "Mixed: English, 中文, العربية, emoji 👍🏽."
    let fromBytes = Array(text.utf8).withUnsafeBytes { counter.count(utf8: $0) }
    #expect(fromBytes == counter.count(text))
}
