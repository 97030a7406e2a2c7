import Catalogue
import Foundation
import PythonSource

/// Reads a project's domain models from Python source without running it, and produces the model set that
/// orchestrator-core would derive from `SUBSCRIPTION_MODEL_REGISTRY` (docs/orchestrator-core.md §2.2).
///
/// It loads the products package and, as Python would, every project module that package imports (transitively,
/// top-level imports only); folders that are never imported are never read.
public struct PythonModelReader {
    public let root: URL
    /// The products package as a dotted name; nil: `products`, or the one package under the root that builds a
    /// registry.
    public let package: String?

    public init(root: URL, package: String? = nil) {
        self.root = root.standardizedFileURL
        self.package = package
    }

    static let registryName = "SUBSCRIPTION_MODEL_REGISTRY"

    public func read() throws(DomainModelsError) -> ModelSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DomainModelsError(.notFound, "the models root \(root.path) is not a folder")
        }
        let packageName = try findPackage()
        let modules = ProjectModules(root: root)
        guard let packageModule = modules.load(packageName) else {
            throw DomainModelsError(
                .noPackage,
                "cannot read the products package '\(packageName)' under \(root.path): \(modules.diagnostics.map(\.description).joined(separator: "; "))"
            )
        }
        let classes = ClassResolver(modules: modules)
        var registry = RegistryReader(classes: classes).read(modules.loadOrder)
        if registry.isEmpty && !RegistryReader.mentionsRegistry(modules.loadOrder) {
            registry = productsWithoutRegistry(packageModule, modules: modules, classes: classes)
        }
        var modelSet = ModelSetBuilder(classes: classes).build(registry)
        modelSet.diagnostics = Set(modules.diagnostics).map { diagnostic in
            ModelDiagnostic(
                file: diagnostic.file, line: diagnostic.line, message: diagnostic.message,
                severity: diagnostic.isIncomplete ? .incomplete : .note)
        }.sorted()
        return modelSet
    }

    /// `--package`, else `products`, else the single top-level package whose `__init__.py` builds a registry.
    private func findPackage() throws(DomainModelsError) -> String {
        let modules = ProjectModules(root: root)
        if let package {
            guard modules.locate(package) != nil else {
                throw DomainModelsError(.noPackage, "no package '\(package)' under \(root.path)")
            }
            return package
        }
        if modules.locate("products") != nil { return "products" }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let candidates = entries.sorted().filter { entry in
            let initFile = root.appendingPathComponent(entry).appendingPathComponent("__init__.py")
            guard let data = FileManager.default.contents(atPath: initFile.path) else { return false }
            return String(decoding: data, as: UTF8.self).contains(Self.registryName)
        }
        guard candidates.count == 1, let only = candidates.first else {
            let found =
                candidates.isEmpty
                ? "none builds \(Self.registryName)" : "several build it: \(candidates.joined(separator: ", "))"
            throw DomainModelsError(
                .noPackage, "no 'products' package under \(root.path), and \(found); name it with --package")
        }
        return only
    }

    /// No registry anywhere: every concrete ACTIVE-lifecycle product class of the package, by class name.
    private func productsWithoutRegistry(
        _ packageModule: ProjectModule, modules: ProjectModules, classes: ClassResolver
    ) -> [RegistryEntry] {
        // Read the whole package, as nothing tells which of its modules the application imports.
        let folder = root.appendingPathComponent(packageModule.name.replacingOccurrences(of: ".", with: "/"))
        if let enumerator = FileManager.default.enumerator(atPath: folder.path) {
            var files: [String] = []
            while let file = enumerator.nextObject() as? String {
                if file.hasSuffix(".py") { files.append(file) }
            }
            for file in files.sorted() {
                var dotted =
                    packageModule.name + "." + String(file.dropLast(3)).replacingOccurrences(of: "/", with: ".")
                if dotted.hasSuffix(".__init__") { dotted = String(dotted.dropLast(9)) }
                modules.load(dotted)
            }
        }
        let candidates = classes.allClasses.filter { candidate in
            classes.kind(of: candidate).isProduct && !classes.isBase(candidate)
                && classes.lifecycle(of: candidate).contains("ACTIVE")
        }
        // The most derived: a class whose subclass also qualifies is not the one the application registers.
        let leaves = candidates.filter { candidate in
            !classes.subclasses(of: candidate).contains { subclass in candidates.contains { $0 === subclass } }
        }
        modules.diagnose(
            packageModule.file, 1,
            "no \(Self.registryName) found: using every concrete ACTIVE-lifecycle product class, keyed by its class name (\(leaves.map(\.name).sorted().joined(separator: ", ")))",
            incomplete: false)
        return leaves.map { RegistryEntry(name: $0.name, productClass: $0) }
    }
}
