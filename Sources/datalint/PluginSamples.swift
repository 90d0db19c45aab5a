/// Records `datalint plugin check` runs a plugin on: every schema datalint knows, and the text that trips parsers —
/// escapes, non-ASCII, empty values, nesting, tool calls.
enum PluginSamples {
    static let records: [String] = [
        #"{"messages":[{"role":"system","content":"You are helpful."},{"role":"user","content":"What is 2+2?"},{"role":"assistant","content":"4."}]}"#,
        #"{"messages":[{"role":"user","content":"Café, naïve, 日本語, emoji 👍🏽 and \"quotes\" \\ backslash\nnewline \u00e9"},{"role":"assistant","content":"Noted: \u2603."}]}"#,
        #"{"messages":[{"role":"user","content":"Weather in Lyon?"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Lyon\"}"}}]},{"role":"tool","tool_call_id":"c1","content":"sunny"},{"role":"assistant","content":"It is sunny."}]}"#,
        #"{"messages":[{"role":"user","content":[{"type":"text","text":"Describe this."},{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]},{"role":"assistant","content":"A cat."}]}"#,
        #"{"conversations":[{"from":"human","value":"Hi there"},{"from":"gpt","value":"Hello! How can I help?"}]}"#,
        #"{"instruction":"Translate to French.","input":"Good morning","output":"Bonjour"}"#,
        #"{"prompt":"Once upon a time","completion":" there was a dragon."}"#,
        #"{"prompt":"Is the sky blue?","chosen":"Yes, on a clear day.","rejected":"No."}"#,
        #"{"prompt":"Rate this.","response":"Fine.","score":0.5}"#,
        #"{"text":"Plain pre-training text, with a tab\there."}"#,
        #"{"messages":[{"role":"user","content":""},{"role":"assistant","content":""}]}"#,
        #"{"id":"deep","a":{"b":{"c":[[[{"d":"e"}]]]}},"messages":[{"role":"user","content":"x"}]}"#,
    ]
}
