import Catalogue
import PythonSource

/// One `LazyWorkflowInstance("<module>", "<name>")` registration, with what its decorated function says.
public struct WorkflowRegistration: Hashable, Sendable {
    public var name: String
    /// The module the registration names, absolute (a relative one resolved as orchestrator-core resolves it).
    public var module: String
    /// `CREATE`, `MODIFY`, `TERMINATE`, `SYSTEM`, `VALIDATE`, `RECONCILE`; nil when the function could not be read
    /// (a diagnostic says why).
    public var target: String?
    /// The description in the code (the decorator's deprecated `description`; empty when not given).
    public var description: String
    /// `file:line` of the registration, or `orchestrator-core 5.5.0` for the built-in ones.
    public var location: String

    public init(name: String, module: String, target: String?, description: String = "", location: String) {
        self.name = name
        self.module = module
        self.target = target
        self.description = description
        self.location = location
    }

    /// orchestrator-core's tasks: the targets `migrate-tasks` takes.
    public var isTask: Bool { target == "SYSTEM" || target == "VALIDATE" }
}

/// The registered workflows, as `orchestrator.core.workflows.ALL_WORKFLOWS` would hold them after the project's
/// workflows package is imported: orchestrator-core's own first, then the project's in the order they register
/// (a name registered again replaces the earlier registration, as in the dictionary).
public struct WorkflowRegistry: Sendable {
    public private(set) var registrations: [String: WorkflowRegistration] = [:]
    /// Names in registration order.
    public private(set) var order: [String] = []
    /// What could not be read: a registration whose module or function was not found, a decorator or target that
    /// is not a literal orchestrator-core one.
    public var diagnostics: [SourceDiagnostic] = []

    public init(_ registrations: [WorkflowRegistration] = []) {
        for registration in registrations { register(registration) }
    }

    public mutating func register(_ registration: WorkflowRegistration) {
        if registrations[registration.name] == nil { order.append(registration.name) }
        registrations[registration.name] = registration
    }

    public subscript(name: String) -> WorkflowRegistration? { registrations[name] }

    /// Names sorted by their bytes (the menus' order: orchestrator-core's follows its dictionary and the database).
    public var sortedNames: [String] { order.byteSorted() }

    /// orchestrator-core 5.5.0's own registrations (`orchestrator/core/workflows/__init__.py`): `modify_note` and
    /// the six system tasks, none with a description in the code (descriptions live in the database).
    public static let orchestratorCore = WorkflowRegistry(
        [
            ("modify_note", ".modify_note", "MODIFY"),
            ("task_clean_up_tasks", ".tasks.cleanup_tasks_log", "SYSTEM"),
            ("task_resume_workflows", ".tasks.resume_workflows", "SYSTEM"),
            ("task_validate_awaiting_callbacks", ".tasks.validate_awaiting_callbacks", "SYSTEM"),
            ("task_validate_products", ".tasks.validate_products", "SYSTEM"),
            ("task_validate_product_type", ".tasks.validate_product_type", "SYSTEM"),
            ("task_validate_subscriptions", ".tasks.validate_subscriptions", "SYSTEM"),
        ].map { name, module, target in
            WorkflowRegistration(
                name: name, module: WorkflowReader.defaultPackage + module, target: target,
                location: "orchestrator-core 5.5.0")
        })
}

extension WorkflowRegistry {
    /// SHA-256 over the registrations (name, module, target, description), sorted: a workflow plan's target.
    public var fingerprint: String {
        let lines = sortedNames.compactMap { name in registrations[name] }.map {
            CanonicalText.line([$0.name, $0.module, $0.target, $0.description])
        }
        return "sha256:"
            + SHA256.hex(CanonicalText.document(header: "orchestrator-planner workflow registry 1", lines: lines))
    }
}
