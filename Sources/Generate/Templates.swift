import Foundation
import Stencil

/// The templates: built-in ones (this module's `Templates` resources) and, first on the search path as in
/// orchestrator-core, a `--custom-templates` folder whose files of the same name replace them (the `additional_*.j2`
/// hooks). Rendered with Stencil, whose `{{ }}` and `{% if/for/include %}` are Jinja's; Jinja features Stencil does
/// not have are refused with the template and line.
public struct Templates {
    let environment: Environment
    let customFolder: URL?
    /// The template names the custom folder replaces.
    public let customized: Set<String>

    /// Jinja constructs with no Stencil equivalent, and what to write instead.
    static let unsupported: [(pattern: String, advice: String)] = [
        ("{% macro", "macros are not supported; write the text out"),
        ("{%- macro", "macros are not supported; write the text out"),
        ("{% set", "{% set %} is not supported; use the context's values"),
        ("{%- set", "{% set %} is not supported; use the context's values"),
        ("{% from", "{% from ... import %} is not supported"),
        ("{% import", "{% import %} is not supported"),
        ("ignore missing", "`ignore missing` is not supported: the hook templates always exist"),
        ("{% raw", "{% raw %} is not supported"),
        ("|map(", "the map filter is not supported"),
        ("| map(", "the map filter is not supported"),
        ("|selectattr", "the selectattr filter is not supported"),
        ("| selectattr", "the selectattr filter is not supported"),
        ("is defined", "`is defined` tests are not supported; an unknown value renders empty and is false in {% if %}"),
    ]

    public init(customFolder: URL?) throws(GenerateError) {
        var templates: [String: String] = [:]
        var customized: Set<String> = []
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else {
            throw GenerateError(
                .template, "the built-in templates are missing from this build (Generate's Templates resources)")
        }
        for name in names where name.hasSuffix(".j2") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                continue
            }
            templates[name] = String(decoding: data, as: UTF8.self)
        }
        if let customFolder {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: customFolder.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw GenerateError(.template, "--custom-templates \(customFolder.path) is not a folder")
            }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: customFolder.path)) ?? []
            where name.hasSuffix(".j2") {
                let url = customFolder.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw GenerateError(.template, "cannot read the custom template \(url.path)")
                }
                let text = String(decoding: data, as: UTF8.self)
                try Self.checkJinja(text, template: url.path)
                templates[name] = text
                customized.insert(name)
            }
        }
        environment = Environment(loader: DictionaryLoader(templates: templates), trimBehaviour: .smart)
        self.customFolder = customFolder
        self.customized = customized
    }

    /// Refuses a Jinja feature Stencil lacks, naming the template and line.
    static func checkJinja(_ text: String, template: String) throws(GenerateError) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for (pattern, advice) in unsupported where line.contains(pattern) {
                throw GenerateError(
                    .template,
                    "\(template):\(index + 1): Jinja that orchestrator-planner's templates (Stencil) do not support: \(advice)"
                )
            }
        }
    }

    /// Renders `name` with `context`.
    public func render(_ name: String, _ context: [String: Any]) throws(GenerateError) -> String {
        do {
            return try environment.renderTemplate(name: name, context: context)
        } catch let error as TemplateSyntaxError {
            let line = error.token.map { ":\($0.sourceMap.location.lineNumber)" } ?? ""
            throw GenerateError(.template, "\(customPath(name))\(line): \(error.reason)")
        } catch {
            throw GenerateError(.template, "\(customPath(name)): \(error)")
        }
    }

    private func customPath(_ name: String) -> String {
        guard let customFolder else { return name }
        let url = customFolder.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url.path : name
    }
}

/// Templates by name, from memory (the built-ins with the custom ones over them).
final class DictionaryLoader: Loader {
    let templates: [String: String]

    init(templates: [String: String]) { self.templates = templates }

    func loadTemplate(name: String, environment: Environment) throws -> Template {
        guard let text = templates[name] else { throw TemplateDoesNotExist(templateNames: [name], loader: self) }
        return environment.templateClass.init(templateString: text, environment: environment, name: name)
    }
}
