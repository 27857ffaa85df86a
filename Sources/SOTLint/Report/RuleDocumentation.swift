/// The text of `sot-lint rules` and `sot-lint explain ID`, from the rules' own metadata.
public enum RuleDocumentation {
    /// One line per rule: id, default severity, summary.
    public static func list(profile: Profile) -> String {
        let width = RuleRegistry.ids.map(\.count).max() ?? 0
        return RuleRegistry.all.map { rule in
            let metadata = rule.metadata
            let severity = profile.settings(for: metadata.id).severity?.rawValue ?? "off"
            return metadata.id.padding(width) + "  " + severity.padding(7) + "  " + metadata.summary
        }.joined(separator: "\n") + "\n"
    }

    /// Rationale, options and examples of one rule; nil when no rule has that id.
    public static func explain(_ id: String, profile: Profile) -> String? {
        guard let rule = RuleRegistry.rule(id: id) else { return nil }
        let metadata = rule.metadata
        let severity = profile.settings(for: id).severity?.rawValue ?? "off"
        var text = "\(metadata.id) (\(metadata.category.rawValue), default severity: \(metadata.defaultSeverity.rawValue)"
        text += severity == metadata.defaultSeverity.rawValue ? ")\n\n" : "; here: \(severity))\n\n"
        text += metadata.summary + "\n\n" + metadata.rationale + "\n"
        if !metadata.options.isEmpty {
            text += "\nOptions (set under `rules: \(id):` in .sot-lint.yml):\n"
            for option in metadata.options {
                let current = profile.settings(for: id).options[option.name] ?? option.defaultValue
                text += "  \(option.name) (default \(option.defaultValue), here \(current)): \(option.summary)\n"
            }
        }
        text += "\nExamples (↓ marks where a finding is reported):\n"
        for example in metadata.examples {
            text += "\n" + (example.triggers ? "Invalid" : "Valid") + ": " + example.summary + "\n"
            for file in example.files {
                if example.files.count > 1 { text += "  \(file.name):\n" }
                for line in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    text += "    " + line.replacingAll("\u{0}", with: "\\0") + "\n"
                }
            }
        }
        return text
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension Substring {
    func replacingAll(_ target: String, with replacement: String) -> String {
        String(self).replacingAll(target, with: replacement)
    }
}
