extension YAMLFields {
    /// A warning at the value of `key` for each malformed telephone number in it.
    mutating func checkPhone(_ key: String) {
        guard let node = node(key), let text = node.string else { return }
        for problem in PhoneText.problems(in: text) { appendDiagnostic(.warning(problem, at: location(of: node))) }
    }
}
