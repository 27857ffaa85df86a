/// The tool's version: reported by `--version` and SARIF, and part of every cache key.
public enum SOTLintVersion {
    public static let current = "0.3.0"
}
