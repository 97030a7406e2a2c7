import Catalogue
import Foundation
import PythonSource

/// Reads a project's workflow registrations without running Python: the `LazyWorkflowInstance("<module>", "<name>")`
/// calls in the `workflows` package under the code root and every project module it imports, and for each the
/// decorated function it points at (`@create_workflow`, `@modify_workflow`, `@terminate_workflow`,
/// `@validate_workflow`, `@reconcile_workflow`, `@workflow(..., target=Target.X)`) for its target and description.
/// orchestrator-core's own registrations come first (`WorkflowRegistry.orchestratorCore`). What cannot be read is a
/// diagnostic at the place it was met, never a guess.
public struct WorkflowReader {
    /// Where orchestrator-core resolves a relative module of `LazyWorkflowInstance` (its `DEFAULT_PKG`).
    public static let defaultPackage = "orchestrator.core.workflows"
    static let lazyInstance: Set<String> = [
        "orchestrator.core.workflows.LazyWorkflowInstance", "orchestrator.workflows.LazyWorkflowInstance",
    ]
    /// The decorators of `orchestrator.core.workflows.utils` (and the 1.x–4.x `orchestrator.workflows.utils`) and
    /// the target each gives.
    static let targetDecorators: [String: String] = [
        "create_workflow": "CREATE", "modify_workflow": "MODIFY", "terminate_workflow": "TERMINATE",
        "validate_workflow": "VALIDATE", "reconcile_workflow": "RECONCILE",
    ]
    static let utilsModules = ["orchestrator.core.workflows.utils", "orchestrator.workflows.utils"]
    static let workflowDecorators: Set<String> = [
        "orchestrator.core.workflow.workflow", "orchestrator.workflow.workflow",
    ]
    static let targets: Set<String> = ["CREATE", "MODIFY", "TERMINATE", "SYSTEM", "VALIDATE", "RECONCILE"]

    public let root: URL
    public let package: String

    public init(root: URL, package: String = "workflows") {
        self.root = root
        self.package = package
    }

    public func read() -> WorkflowRegistry {
        var registry = WorkflowRegistry.orchestratorCore
        let modules = ProjectModules(root: root)
        guard modules.locate(package) != nil else {
            registry.diagnostics.append(
                SourceDiagnostic(
                    file: package, line: 0,
                    message:
                        "no \(package) package under \(root.path): only orchestrator-core's own workflows are registered (pass --code with the folder that holds it)",
                    isIncomplete: false))
            return registry
        }
        modules.load(package)
        let resolver = NameResolver(modules: modules)
        var seen: [String: String] = [:]
        for module in modules.loadOrder {
            for (call, line) in Self.calls(in: module.statements) {
                guard case .call(let callee, let arguments, let keywords) = call,
                    case .external(let qualified)? = resolver.resolve(callee, in: module),
                    Self.lazyInstance.contains(qualified)
                else { continue }
                let location = "\(module.file):\(line)"
                guard let (target, name) = Self.literalArguments(arguments, keywords) else {
                    modules.diagnose(
                        module.file, line,
                        "LazyWorkflowInstance(\(arguments.map(PythonUnparser.unparse).joined(separator: ", "))): the module and the name must be string literals to be read; this registration is not known"
                    )
                    continue
                }
                if let previous = seen[name] {
                    modules.diagnose(
                        module.file, line,
                        "workflow \(name) is registered again (first at \(previous)); the later registration wins, as in orchestrator-core",
                        incomplete: false)
                }
                seen[name] = location
                let absolute = target.hasPrefix(".") ? Self.defaultPackage + target : target
                var registration = WorkflowRegistration(
                    name: name, module: absolute, target: nil, location: location)
                describe(&registration, modules: modules, resolver: resolver, at: (module.file, line))
                registry.register(registration)
            }
        }
        registry.diagnostics += modules.diagnostics
        return registry
    }

    /// Every call expression at the module's top level (inside `if`/`try`/`with` blocks too), with its line.
    static func calls(in statements: [PythonStatement]) -> [(PythonExpression, Int)] {
        var found: [(PythonExpression, Int)] = []
        for statement in statements {
            switch statement {
            case .expression(let expression, let line): found.append((expression, line))
            case .assignment(_, let value, let line): found.append((value, line))
            case .compound(let body): found += calls(in: body)
            default: continue
            }
        }
        return found
    }

    /// `("<module>", "<name>")` given positionally or as `package=` / `name=`.
    static func literalArguments(_ arguments: [PythonExpression], _ keywords: [PythonKeyword]) -> (String, String)? {
        var values: [String?] = arguments.prefix(2).map {
            if case .string(let text) = $0 { return text } else { return nil }
        }
        while values.count < 2 { values.append(nil) }
        for keyword in keywords {
            guard case .string(let text) = keyword.value else { return nil }
            if keyword.name == "package" { values[0] = text }
            if keyword.name == "name" { values[1] = text }
        }
        guard arguments.count <= 2, let module = values[0] ?? nil, let name = values[1] ?? nil else { return nil }
        return (module, name)
    }

    /// Fills in the target and description from the decorated function, or records why it cannot.
    private func describe(
        _ registration: inout WorkflowRegistration, modules: ProjectModules, resolver: NameResolver,
        at place: (file: String, line: Int)
    ) {
        let name = registration.name
        let moduleName = registration.module
        func note(_ message: String) { modules.diagnose(place.file, place.line, "workflow \(name): \(message)") }
        guard modules.isProjectModuleName(moduleName) else {
            note(
                moduleName.hasPrefix(Self.defaultPackage)
                    ? "module \(moduleName) is not one of orchestrator-core's workflows (orchestrator-core resolves a relative module against \(Self.defaultPackage)); get_workflow would fail, so its target is unknown"
                    : "module \(moduleName) is outside the code root; its target is unknown")
            return
        }
        guard let module = modules.load(moduleName, from: place) else {
            note("module \(moduleName) cannot be imported; get_workflow would fail, so its target is unknown")
            return
        }
        guard case .value(.other(let text), let defining)? = resolver.lookup(name, in: module, depth: 0),
            text == "function \(name)", let decorators = Self.decorators(of: name, in: defining.statements)
        else {
            note("\(moduleName) has no function \(name) defined with def; its target is unknown")
            return
        }
        for decorator in decorators {
            var callee = decorator
            var arguments: [PythonExpression] = []
            var keywords: [PythonKeyword] = []
            if case .call(let function, let args, let kws) = decorator {
                (callee, arguments, keywords) = (function, args, kws)
            }
            guard case .external(let qualified)? = resolver.resolve(callee, in: defining) else { continue }
            let last = String(qualified.split(separator: ".").last ?? "")
            let modulePart = String(qualified.dropLast(last.count + 1))
            var target: String?
            if Self.utilsModules.contains(modulePart), let fixed = Self.targetDecorators[last] {
                target = fixed
            } else if Self.workflowDecorators.contains(qualified) {
                target = "SYSTEM"
                if let keyword = keywords.first(where: { $0.name == "target" }) {
                    guard case .external(let value)? = resolver.resolve(keyword.value, in: defining),
                        let member = value.split(separator: ".").last, Self.targets.contains(String(member)),
                        value.hasSuffix("Target." + member)
                    else {
                        note("the target of @workflow is not a Target member; its target is unknown")
                        return
                    }
                    target = String(member)
                }
            } else {
                continue
            }
            registration.target = target
            let description = keywords.first { $0.name == "description" }?.value ?? arguments.first
            switch description {
            case .string(let text)?: registration.description = text
            case nil: registration.description = ""
            default: note("its description is not a string literal; it is taken as empty")
            }
            return
        }
        note("\(name) in \(defining.file) has no orchestrator-core workflow decorator; its target is unknown")
    }

    /// The decorators of the top-level `def name`, the last definition winning.
    static func decorators(of name: String, in statements: [PythonStatement]) -> [PythonExpression]? {
        var found: [PythonExpression]?
        for statement in statements {
            switch statement {
            case .functionDefinition(let defined, let decorators, _) where defined == name: found = decorators
            case .compound(let body): if let inner = decorators(of: name, in: body) { found = inner }
            default: continue
            }
        }
        return found
    }
}
