import Foundation

/// One Python module of the project, parsed, with its top-level names.
public final class ProjectModule {
    /// Dotted name (`products.product_blocks.user`).
    public let name: String
    /// Path relative to the models root.
    public let file: String
    public let isPackage: Bool
    public let statements: [PythonStatement]
    /// Top-level bindings, later ones replacing earlier ones (as executing the module would).
    public internal(set) var symbols: [String: Symbol] = [:]
    /// Modules whose public names `from M import *` brought in, in order.
    public internal(set) var starImports: [String] = []
    /// Classes in definition order (a redefined name keeps only its last class in `symbols`).
    public internal(set) var classes: [ProjectClass] = []
    /// Project modules this module imports at top level (dotted names).
    public internal(set) var imports: [String] = []

    public init(name: String, file: String, isPackage: Bool, statements: [PythonStatement]) {
        self.name = name
        self.file = file
        self.isPackage = isPackage
        self.statements = statements
    }

    /// The package relative imports start from.
    public var package: String {
        if isPackage { return name }
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return String(name[..<dot])
    }
}

/// What a top-level name of a module is bound to.
public enum Symbol {
    case module(String)
    /// `from module import name`, resolved on use (the module may still be loading).
    case imported(module: String, name: String, line: Int)
    case projectClass(ProjectClass)
    case value(PythonExpression, line: Int)
    /// A name from outside the project (`typing.Optional`, `orchestrator.core.domain.base.ProductBlockModel`).
    case external(String)
}

/// Loads the project's modules by following imports from a starting module, the way Python's import system
/// would find them under the models root (regular packages, namespace packages without `__init__.py`).
public final class ProjectModules {
    public let root: URL
    public private(set) var modules: [String: ProjectModule] = [:]
    /// The same file reached under two names is one module.
    private var byFile: [String: ProjectModule] = [:]
    /// Load order: the order Python would first execute them.
    public private(set) var loadOrder: [ProjectModule] = []
    public internal(set) var diagnostics: [SourceDiagnostic] = []
    private var failed: Set<String> = []
    /// Modules whose top level is being executed: an import from one of them sees only what it bound so far.
    private var executing: Set<String> = []
    // File-system answers, asked once: a large project imports the same modules from hundreds of files.
    private var locations: [String: (file: String, isPackage: Bool, hasSource: Bool)?] = [:]
    private var projectTopLevel: [String: Bool] = [:]
    private let rootPath: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
    }

    private func exists(_ relative: String, directory: Bool) -> Bool {
        var isDirectory: ObjCBool = false
        let found = FileManager.default.fileExists(atPath: rootPath + "/" + relative, isDirectory: &isDirectory)
        return found && isDirectory.boolValue == directory
    }

    /// Records a diagnostic; `incomplete: false` for findings that cannot hide a definition.
    public func diagnose(_ file: String, _ line: Int, _ message: String, incomplete: Bool = true) {
        diagnostics.append(SourceDiagnostic(file: file, line: line, message: message, isIncomplete: incomplete))
    }

    /// True when the first component of a dotted name is a folder or module under the root: an import of a
    /// missing module inside the project is then an error, while `typing` or `orchestrator` are external.
    public func isProjectModuleName(_ dotted: String) -> Bool {
        let top = String(dotted.split(separator: ".").first ?? "")
        guard !top.isEmpty else { return false }
        if let known = projectTopLevel[top] { return known }
        let found = exists(top, directory: true) || exists(top + ".py", directory: false)
        projectTopLevel[top] = found
        return found
    }

    /// Where a dotted module lives: `a/b.py`, `a/b/__init__.py`, or a folder `a/b` (namespace package).
    public func locate(_ dotted: String) -> (file: String, isPackage: Bool, hasSource: Bool)? {
        if let known = locations[dotted] { return known }
        let relative = dotted.replacingOccurrences(of: ".", with: "/")
        var found: (file: String, isPackage: Bool, hasSource: Bool)?
        if exists(relative + ".py", directory: false) {
            found = (relative + ".py", false, true)
        } else if exists(relative + "/__init__.py", directory: false) {
            found = (relative + "/__init__.py", true, true)
        } else if exists(relative, directory: true) {
            found = (relative, true, false)
        }
        locations[dotted] = found
        return found
    }

    /// Loads a project module and everything it imports. Returns nil (with a diagnostic at `from`) if it is missing
    /// or unreadable.
    @discardableResult
    public func load(_ dotted: String, from importer: (file: String, line: Int)? = nil) -> ProjectModule? {
        if let module = modules[dotted] { return module }
        if failed.contains(dotted) { return nil }
        // Importing a.b.c imports a and a.b first.
        let parts = dotted.split(separator: ".").map(String.init)
        if parts.count > 1 {
            let parent = parts.dropLast().joined(separator: ".")
            guard load(parent, from: importer) != nil else {
                failed.insert(dotted)
                return nil
            }
            if let module = modules[dotted] { return module }
        }
        guard let location = locate(dotted) else {
            failed.insert(dotted)
            if let importer {
                diagnose(
                    importer.file, importer.line,
                    "cannot import module '\(dotted)': no \(dotted.replacingOccurrences(of: ".", with: "/")).py or package under the models root"
                )
            }
            return nil
        }
        if let existing = byFile[location.file] {
            modules[dotted] = existing
            return existing
        }
        var statements: [PythonStatement] = []
        if location.hasSource {
            guard let data = FileManager.default.contents(atPath: rootPath + "/" + location.file) else {
                failed.insert(dotted)
                diagnose(location.file, 0, "cannot read the file")
                return nil
            }
            do throws(PythonSyntaxError) {
                statements = try PythonParser.parseModule(try PythonSourceText.decode(data))
            } catch {
                failed.insert(dotted)
                diagnose(
                    location.file, error.line,
                    "\(error.message): Python cannot import this module, so nothing in it is read")
                return nil
            }
        }
        let module = ProjectModule(
            name: dotted, file: location.file, isPackage: location.isPackage, statements: statements)
        modules[dotted] = module
        byFile[location.file] = module
        loadOrder.append(module)
        executing.insert(module.name)
        bind(module, statements)
        executing.remove(module.name)
        return module
    }

    /// Executes the top-level statements' bindings, loading imported project modules as Python would.
    private func bind(_ module: ProjectModule, _ statements: [PythonStatement]) {
        for statement in statements {
            switch statement {
            case .importModules(let names, let line):
                for imported in names {
                    if isProjectModuleName(imported.name) {
                        if load(imported.name, from: (module.file, line)) != nil {
                            module.imports.append(imported.name)
                        }
                    }
                    if let alias = imported.alias {
                        module.symbols[alias] = .module(imported.name)
                    } else {
                        let top = String(imported.name.split(separator: ".").first ?? "")
                        module.symbols[top] = .module(top)
                    }
                }
            case .importFrom(let name, let level, let names, let line):
                guard let base = absoluteModule(name, level: level, in: module, line: line) else { continue }
                let isProject = level > 0 || isProjectModuleName(base)
                if isProject {
                    guard load(base, from: (module.file, line)) != nil else { continue }
                    module.imports.append(base)
                }
                if isProject, executing.contains(base), let partial = modules[base] {
                    // A circular import: Python runs `from base import name` against the partly executed module.
                    for imported in names
                    where imported.name != "*" && partial.symbols[imported.name] == nil
                        && locate("\(base).\(imported.name)") == nil
                    {
                        diagnose(
                            module.file, line,
                            "cannot import name '\(imported.name)' from partially initialized module '\(base)' (most likely due to a circular import): Python cannot import this module"
                        )
                    }
                }
                for imported in names {
                    if imported.name == "*" {
                        if isProject { module.starImports.append(base) }
                        continue
                    }
                    let bound = imported.alias ?? imported.name
                    if !isProject {
                        module.symbols[bound] = .external("\(base).\(imported.name)")
                    } else if modules[base]?.isPackage == true, !definesName(base, imported.name),
                        locate("\(base).\(imported.name)") != nil
                    {
                        // Only a package has submodules; asking the file system for every imported class would
                        // cost a few stat calls per name.
                        load("\(base).\(imported.name)", from: (module.file, line))
                        module.symbols[bound] = .module("\(base).\(imported.name)")
                    } else {
                        module.symbols[bound] = .imported(module: base, name: imported.name, line: line)
                    }
                }
            case .classDefinition(let definition):
                if case .projectClass(let previous) = module.symbols[definition.name], previous.module === module {
                    diagnose(
                        module.file, definition.line,
                        "class \(definition.name) is defined twice (first on line \(previous.line)); the later definition wins, as in Python",
                        incomplete: false)
                }
                let projectClass = ProjectClass(definition: definition, module: module)
                for (line, reason) in projectClass.skipped {
                    // A statement of a class body the parser could not read may be a field.
                    diagnose(module.file, line, "statement in class \(definition.name) skipped: \(reason)")
                }
                module.classes.append(projectClass)
                module.symbols[definition.name] = .projectClass(projectClass)
            case .functionDefinition(let name, _, let line):
                module.symbols[name] = .value(.other("function \(name)"), line: line)
            case .assignment(let targets, let value, let line):
                for target in targets {
                    if case .name(let name) = target { module.symbols[name] = .value(value, line: line) }
                }
            case .annotatedAssignment(let target, _, let value, let line):
                if case .name(let name) = target, let value { module.symbols[name] = .value(value, line: line) }
            case .compound(let body):
                bind(module, body)
            case .skipped(let line, let reason):
                diagnose(
                    module.file, line, "statement skipped: \(reason)", incomplete: !PythonParser.isHarmless(reason))
            case .expression:
                break
            }
        }
    }

    /// Whether a loaded module binds `name` itself (then `from base import name` means that, not a submodule).
    private func definesName(_ base: String, _ name: String) -> Bool {
        guard let module = modules[base] else { return false }
        if case .module = module.symbols[name] { return false }
        return module.symbols[name] != nil
    }

    /// `from ..x import y` inside `a.b.c` → `a.x`.
    private func absoluteModule(_ name: String, level: Int, in module: ProjectModule, line: Int) -> String? {
        guard level > 0 else { return name }
        var parts = module.package.split(separator: ".").map(String.init)
        guard level - 1 <= parts.count else {
            diagnose(module.file, line, "relative import beyond the top-level package")
            return nil
        }
        parts.removeLast(level - 1)
        if !name.isEmpty { parts.append(name) }
        return parts.joined(separator: ".")
    }
}
