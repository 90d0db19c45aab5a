import LanguageDetection
import Testing

@Suite struct LanguageDetectorTests {
    @Test(arguments: [
        ("The quick brown fox jumps over the lazy dog while the farmer watches from the porch.", "en"),
        ("Le renard brun rapide saute par-dessus le chien paresseux pendant que le fermier regarde.", "fr"),
        ("Der schnelle braune Fuchs springt über den faulen Hund, während der Bauer von der Veranda zusieht.", "de"),
        ("El rápido zorro marrón salta sobre el perro perezoso mientras el granjero mira desde el porche.", "es"),
        ("Быстрая коричневая лиса прыгает через ленивую собаку, пока фермер смотрит с крыльца.", "ru"),
        ("敏捷的棕色狐狸跳过了懒惰的狗，农夫在门廊上看着这一切发生。", "zh"),
        ("素早い茶色の狐が怠け者の犬を飛び越え、農夫はポーチからそれを見ています。", "ja"),
    ])
    func sentencesInTheirLanguage(text: String, code: String) {
        let detected = LanguageDetector.detect(text)
        #expect(detected.code == code, "\(text) → \(detected)")
        #expect(detected.isReliable)
    }

    @Test func emptyTextIsUnknownAndTextWithoutLettersUnreliable() {
        #expect(LanguageDetector.detect("").isUnknown)
        #expect(!LanguageDetector.detect("").isReliable)
        // CLD2 falls back to English for text it cannot read, but does not vouch for it.
        #expect(!LanguageDetector.detect("1234 5678 !!! ???").isReliable)
    }

    @Test func invalidUTF8IsJudgedOnItsValidPrefix() {
        let bytes = Array("Ceci est une phrase française assez longue pour que la langue soit claire. ".utf8) + [0xFF, 0xFE]
        let detected = bytes.withUnsafeBytes { LanguageDetector.detect($0) }
        #expect(detected.code == "fr")
    }
}
