/// The version of orchestrator-planner, recorded in every file it writes.
public enum ToolVersion {
    public static let current = "0.1.0"
}
