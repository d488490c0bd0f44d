import Yams

/// A YAML value as `YAMLFields` reads it: text, a list or a mapping, with where it starts in the
/// YAML (line and column from 1, as Yams marks a node). Made by `YAMLNode.simple` for the plain
/// front matter and school files nearly every site has, or from Yams's nodes for anything else.
struct YAMLNode: Equatable {
    enum Value: Equatable {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    struct Pair: Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var value: Value
    /// Where the node starts; nil for a node Yams gave no mark.
    var line: Int?
    var column: Int?

    init(_ value: Value, line: Int?, column: Int?) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The node Yams composed, without anchors or aliases (`YAMLFields.refuseAnchors` has
    /// refused those): an alias would be read as the empty text.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar): value = .scalar(scalar.string)
        case .sequence(let sequence): value = .sequence(sequence.map(YAMLNode.init))
        case .mapping(let mapping): value = .mapping(mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) })
        case .alias: value = .scalar("")
        }
        line = node.mark?.line
        column = node.mark?.column
    }

    /// The root node Yams composes from `yaml`, as `YAMLFields` has it compose (nil when Yams
    /// refuses the YAML or it is empty): what `simple` must agree with wherever it reads.
    static func composed(_ yaml: String) -> YAMLNode? {
        guard let parser = try? YAMLFields.parser(yaml),
              let node = try? parser.singleRoot() else { return nil }
        return withExtendedLifetime(parser) { YAMLNode(node) }
    }

    /// The text of a scalar; nil for a list or a mapping.
    var string: String? {
        if case .scalar(let s) = value { return s }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    var mapping: [Pair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }
}
