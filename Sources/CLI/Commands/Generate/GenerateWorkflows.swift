import ArgumentParser
import Foundation
import Generate

/// `generate workflows -cf PATH`: the workflow modules, their registrations and translations.
struct GenerateWorkflows: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflows", abstract: "Create the create, modify, terminate and validate workflows.")
    @OptionGroup var options: GenerateOptions
    @OptionGroup var prefix: FolderPrefixOption
    @Option(
        name: [.customLong("custom-templates"), .customLong("ct", withSingleDash: true)],
        help: ArgumentHelp("A folder of templates that replace the built-in ones of the same name.", valueName: "dir"))
    var customTemplates: String?
    @Flag(help: "Also write the unit tests of the workflows (test first).") var tdd = false

    func run() throws {
        try reportingErrors {
            let code = try ProductGeneration.load(
                config: URL(fileURLWithPath: options.configFile), project: options.project, prefix: prefix.folderPrefix)
            let templates = try Templates(customFolder: customTemplates.map { URL(fileURLWithPath: $0) })
            var files = try code.workflowFiles(templates)
            var notes: [String] = []
            let registrations = code.workflowRegistrations(
                existing: options.existing(code.paths.path("workflows/__init__.py")))
            if let file = registrations.file { files.append(file) }
            if let note = registrations.note { notes.append(note) }
            files.append(try code.translations(existing: options.existing(code.paths.translationsPath)))
            var packages = code.workflowPackages
            if tdd {
                files += try code.unitTestFiles(templates).filter {
                    !ProductCode.writtenOnce.contains($0.path) || options.existing($0.path) == nil
                }
                packages += code.testPackages
            }
            try options.write(files, packages: packages, notes: notes)
        }
    }
}
