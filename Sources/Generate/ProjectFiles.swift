import Catalogue
import DomainModels

/// The project files `generate` updates rather than writes: the workflow registrations, the translations and the
/// subscription model registry.
extension ProductCode {
    static let workflowNames = ["create", "modify", "terminate", "validate"]

    var enabledWorkflows: [String] { Self.workflowNames.filter(isEnabled) }

    /// `LazyWorkflowInstance` lines for the enabled workflows, in `FP/workflows/__init__.py`: the whole file when it is
    /// missing or empty, the lines appended otherwise; nil when it registers them already.
    public func workflowRegistrations(existing: String?) -> (file: GeneratedFile?, note: String?) {
        let path = paths.path("workflows/__init__.py")
        let module = "\(paths.workflowsModule).\(variable)"
        let lines =
            enabledWorkflows.map { name in
                PythonWrap.bracketed(
                    "LazyWorkflowInstance(",
                    [
                        PythonLiteral.string("\(module).\(name)_\(variable)"),
                        PythonLiteral.string("\(name)_\(variable)"),
                    ], ")")
            }.joined(separator: "\n") + "\n"
        let importLine = "from orchestrator.core.workflows import LazyWorkflowInstance\n"
        guard let existing, !existing.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return (GeneratedFile(path: path, content: importLine + "\n" + lines), nil)
        }
        if existing.contains("\"\(module).create_\(variable)\"")
            || existing.contains("\"\(module).modify_\(variable)\"")
        {
            return (nil, "\(path) registers the \(variable) workflows already: not re-adding them")
        }
        // orchestrator-core 5.5.0 leaves out the import when it made the file itself; the file needs it.
        if !existing.contains("LazyWorkflowInstance") {
            return (
                GeneratedFile(
                    path: path, content: importLine + "\n" + existing + (existing.hasSuffix("\n") ? "" : "\n") + lines),
                nil
            )
        }
        return (GeneratedFile(path: path, content: lines, mode: .append), nil)
    }

    /// `FP/translations/en-GB.json` with the enabled workflows' names (`Create <name>`), merged into what is there,
    /// written as `json.dumps(..., sort_keys=True, indent=4)`.
    public func translations(existing: String?) throws(GenerateError) -> GeneratedFile {
        var document: [(String, JSONValue)] = [("workflow", .object([]))]
        if let existing {
            let parsed: JSONValue
            do throws(JSONValue.SyntaxError) {
                parsed = try JSONValue.parse(existing)
            } catch {
                throw GenerateError(
                    .file, "\(paths.translationsPath) is not valid JSON (\(error)); fix it, then generate again")
            }
            guard let members = parsed.members else {
                throw GenerateError(
                    .file, "\(paths.translationsPath) is not a JSON object; fix it, then generate again")
            }
            document = members
        }
        var workflows = document.first { $0.0 == "workflow" }?.1.members ?? []
        for name in enabledWorkflows {
            workflows.removeAll { $0.key == "\(name)_\(variable)" }
            workflows.append(("\(name)_\(variable)", .string("\(name.capitalized) \(config.name)")))
        }
        document.removeAll { $0.0 == "workflow" }
        document.append(("workflow", .object(workflows)))
        return GeneratedFile(
            path: paths.translationsPath, content: PythonJSON.dumps(.object(document), indent: 4, sortKeys: true) + "\n"
        )
    }

    /// The registry entries for the product's variants, appended to `FP/products/__init__.py` (made when missing);
    /// nil when the registry imports the product already.
    public func registry(existing: String?) -> (file: GeneratedFile?, note: String?) {
        let importLine = "from \(productModule) import \(type)"
        if let existing, existing.contains(importLine) {
            return (
                nil, "\(paths.registryPath) registers \(type) already: not re-updating the subscription model registry"
            )
        }
        var text = ""
        if !(existing ?? "").contains("import SUBSCRIPTION_MODEL_REGISTRY") {
            text += "from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY\n\n"
        }
        text += importLine + "\n\n"
        text += "SUBSCRIPTION_MODEL_REGISTRY.update(\n    {\n"
        for variant in config.variants { text += "        \(PythonLiteral.string(variant.name)): \(type),\n" }
        text += "    },\n)\n"
        if let existing, !existing.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return (GeneratedFile(path: paths.registryPath, content: "\n" + text, mode: .append), nil)
        }
        return (GeneratedFile(path: paths.registryPath, content: text), nil)
    }
}

extension ProductCode {
    /// The folder prefix's own folders (as packages, so its modules import).
    var prefixPackages: [String] {
        var folders: [String] = []
        var current = ""
        for part in paths.prefix.split(separator: "/") {
            current = current.isEmpty ? String(part) : current + "/" + part
            folders.append(current)
        }
        return folders
    }

    /// The packages the product and block modules live in.
    public var modelPackages: [String] {
        prefixPackages + ["products", "products/product_blocks", "products/product_types"].map(paths.path)
    }

    /// The packages the workflow modules live in.
    public var workflowPackages: [String] {
        prefixPackages + ["workflows", "workflows/\(variable)", "workflows/\(variable)/shared"].map(paths.path)
    }
}
