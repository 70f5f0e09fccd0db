import Foundation
import Plot

/// Small pieces the Grid pages share: numbers as people read them, KPI cards, labelled inputs, the page's own
/// stylesheet and script (external files: the CSP allows no inline style or script).
public enum GridUI {
    /// `12,345` for kWh-sized numbers, fewer digits for small ones.
    public static func number(_ value: Double?, decimals: Int = 0) -> String {
        guard let value, value.isFinite else { return "—" }
        let text = String(format: "%.\(max(0, decimals))f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped + (parts.count > 1 ? "." + parts[1] : "")
        let isZero = !text.contains { ("1"..."9").contains($0) }
        return value < 0 && !isZero ? "-" + grouped : grouped
    }

    public static func percent(_ fraction: Double?, decimals: Int = 1) -> String {
        guard let fraction, fraction.isFinite else { return "—" }
        return number(fraction * 100, decimals: decimals) + " %"
    }

    /// A value for an input field: empty for nil, integers without a fraction.
    public static func field(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A path segment for a name (house and transformer names may hold any character).
    public static func path(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? name
    }

    public static func kpiCard(_ title: String, _ value: String, detail: String, warn: Bool = false) -> Node<HTML.BodyContext> {
        .div(
            .class(warn ? "card stat warn" : "card stat"),
            .h3(.text(title)),
            .p(.class("stat-value"), .text(value)),
            .p(.class("stat-detail"), .text(detail))
        )
    }

    /// `<label>` + `<input>` in a `.field` block.
    public static func input(
        _ label: String, name: String, id: String, value: String = "", type: String = "text", required: Bool = false,
        step: String? = nil, placeholder: String? = nil, hint: String? = nil
    ) -> Node<HTML.FormContext> {
        let id = elementID(id)
        return .div(
            .class("field"),
            .label(.for(id), .text(label)),
            .selfClosedElement(named: "input", attributes: inputAttributes(
                type: type, name: name, id: id, value: value, required: required, step: step, placeholder: placeholder, hint: hint)),
            .unwrap(hint) { .small(.id("\(id)-hint"), .class("muted"), .text($0)) }
        )
    }

    /// Ids are built from user-chosen names (`tr-name-<transformer>`): every character outside `[A-Za-z0-9_-]`
    /// becomes `_XX` (its UTF-8 bytes in hex), which keeps ids unique, free of spaces and inert in attributes.
    static func elementID(_ raw: String) -> String {
        var id = ""
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"):
                id.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                id += "_" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return id
    }

    static func inputAttributes(
        type: String, name: String, id: String, value: String, required: Bool, step: String?, placeholder: String?, hint: String?
    ) -> [Attribute<HTML.InputContext>] {
        var attributes: [Attribute<HTML.InputContext>] = [
            .attribute(named: "type", value: type), .name(name), .id(id), .value(AttributeText.escaped(value)),
        ]
        if required { attributes.append(.required(true)) }
        if let step { attributes.append(.attribute(named: "step", value: step)) }
        if let placeholder { attributes.append(.attribute(named: "placeholder", value: AttributeText.escaped(placeholder))) }
        if hint != nil { attributes.append(.attribute(named: "aria-describedby", value: "\(id)-hint")) }
        return attributes
    }

    public static func select(_ label: String, name: String, id: String, options: [Controls.Option]) -> Node<HTML.FormContext> {
        .div(.class("field"), .label(.for(id), .text(label)), Controls.select(name: name, id: id, options: options))
    }

    /// The Grid pages' stylesheet and script, placed at the top of the content.
    public static func assets(_ context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .element(named: "link", nodes: [
                .attribute(named: "rel", value: "stylesheet"), .attribute(named: "href", value: context.asset("css/grid.css")),
            ]),
            .script(.attribute(named: "type", value: "module"), .src(context.asset("js/grid-topology.js")))
        )
    }

    /// State badge in the platform's style (`state-running`, …), live-updated by app.js through `data-field`.
    public static func state(_ state: String) -> Node<HTML.BodyContext> {
        .span(.class("state state-\(state)"), .attribute(named: "data-field", value: "state"), .text(state))
    }
}
