/// Plot escapes text nodes but writes attribute values exactly as given: a `"` in a value would end the attribute
/// and turn the rest into markup. Every attribute value that carries request or user data (form values echoed
/// back, names inside confirmation prompts) goes through `escaped`.
public enum AttributeText {
    public static func escaped(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
