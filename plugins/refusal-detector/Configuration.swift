// refusal-detector's configuration: {"phrases": ["..."], "severity": "warning"}, both optional. Anything else is
// refused with a message that says what is wrong, so a typo never silently means "defaults".
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import DatalintStageABI

struct ConfigurationError: Error {
    let message: String
}

struct Configuration: Decodable {
    var phrases = defaultRefusalPhrases
    var severity = DATALINT_SEVERITY_WARNING

    static let schema: StaticString = """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"refusal-detector configuration",\
        "type":"object","properties":{\
        "phrases":{"description":"Phrases that mark a refusal or boilerplate, found anywhere in an assistant turn \
        ignoring case, apostrophe style and repeated white space. A built-in list when absent.",\
        "type":"array","items":{"type":"string","minLength":1}},\
        "severity":{"description":"Severity of refusal-detector/refusal.",\
        "enum":["error","warning","info","hint"],"default":"warning"}},\
        "additionalProperties":false}
        """

    /// Reads the configuration text datalint passed to `create`.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) throws(ConfigurationError) -> Configuration {
        do {
            return try JSONDecoder().decode(Configuration.self, from: Data(text))
        } catch let error as ConfigurationError {
            throw error
        } catch DecodingError.typeMismatch(_, _) {
            throw ConfigurationError(message: "configuration must be a JSON object")
        } catch {
            throw ConfigurationError(message: "configuration is not JSON")
        }
    }

    init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: AnyKey.self)
        for key in object.allKeys where key.stringValue != "phrases" && key.stringValue != "severity" {
            throw ConfigurationError(
                message: "unknown configuration key \"\(key.stringValue)\" (known: phrases, severity)")
        }
        if object.contains(AnyKey("phrases")) {
            guard let phrases = try? object.decode([String].self, forKey: AnyKey("phrases")) else {
                throw ConfigurationError(message: "\"phrases\" must be an array of strings")
            }
            if let empty = phrases.firstIndex(where: { RefusalPhrases.fold($0).allSatisfy(\.isWhitespace) }) {
                throw ConfigurationError(message: "\"phrases\"[\(empty)] is empty")
            }
            self.phrases = phrases
        }
        if object.contains(AnyKey("severity")) {
            let names = ["error": DATALINT_SEVERITY_ERROR, "warning": DATALINT_SEVERITY_WARNING,
                         "info": DATALINT_SEVERITY_INFO, "hint": DATALINT_SEVERITY_HINT]
            guard let name = try? object.decode(String.self, forKey: AnyKey("severity")), let severity = names[name]
            else {
                throw ConfigurationError(message: "\"severity\" must be \"error\", \"warning\", \"info\" or \"hint\"")
            }
            self.severity = severity
        }
    }
}
