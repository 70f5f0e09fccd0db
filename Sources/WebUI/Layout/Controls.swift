import Plot

/// Form controls Plot does not model the way we need (options with text, selects with a name).
public enum Controls {
    public struct Option: Sendable {
        public let value: String
        public let label: String
        public let selected: Bool

        public init(_ value: String, _ label: String? = nil, selected: Bool = false) {
            self.value = value
            self.label = label ?? value
            self.selected = selected
        }
    }

    public static func select<Context>(name: String, id: String, options: [Option]) -> Node<Context> {
        .element(named: "select", nodes: [
            .attribute(named: "name", value: name), .attribute(named: "id", value: id),
        ] + options.map { option in
            .element(named: "option", nodes: [
                .attribute(named: "value", value: AttributeText.escaped(option.value)),
                option.selected ? .attribute(named: "selected", value: "selected") : .empty,
                .text(option.label),
            ])
        })
    }
}
