import Catalogue
import Foundation
import TestSupport
import Testing

@testable import Workflows

/// The registrations of `fixtures/workflows/example` (its README lists what each one is), read without Python.
@Suite struct WorkflowReaderTests {
    static let registry = WorkflowReader(root: Repository.fixture("workflows/example")).read()

    @Test(arguments: [
        ("create_user", "CREATE", "Create user"), ("modify_user", "MODIFY", "Modify user"),
        ("terminate_user", "TERMINATE", ""), ("create_user_partner", "CREATE", ""),
        ("validate_user", "VALIDATE", "Validate users"), ("task_nightly_sync", "SYSTEM", ""),
        ("create_user_group", "CREATE", "Create user group"), ("modify_user_group", "MODIFY", "Modify user group"),
        ("modify_note", "MODIFY", ""), ("task_clean_up_tasks", "SYSTEM", ""),
    ])
    func everyDecoratorFormGivesItsTargetAndDescription(_ name: String, _ target: String, _ description: String) {
        let registration = Self.registry[name]
        #expect(registration?.target == target, "\(name)")
        #expect(registration?.description == description, "\(name)")
    }

    @Test func modulesAreResolvedAsOrchestratorCoreResolvesThem() throws {
        #expect(Self.registry["create_user_group"]?.module == "workflows.user_group.create_user_group")
        #expect(Self.registry["create_user_group"]?.location == "workflows/user_group/__init__.py:3")
        #expect(Self.registry["modify_note"]?.module == "orchestrator.core.workflows.modify_note")
        let old = try #require(Self.registry["old_user_workflow"])
        #expect(old.module == "orchestrator.core.workflows.user.old_user")
        #expect(old.target == nil, "never guessed")
        #expect(
            Self.registry.diagnostics.contains {
                $0.file == "workflows/__init__.py" && $0.line == 14
                    && $0.message.contains(
                        "orchestrator-core resolves a relative module against orchestrator.core.workflows")
            })
        #expect(Self.registry["validate_user"]?.isTask == true)
        #expect(Self.registry["create_user"]?.isTask == false)
    }

    @Test func whatCannotBeReadIsADiagnosticAtItsPlace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let package = folder.file("workflows")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try Data(
            """
            from orchestrator.core.workflows import LazyWorkflowInstance
            from workflows.helpers import make

            MODULE = "workflows.dynamic"
            LazyWorkflowInstance(MODULE, "dynamic")
            LazyWorkflowInstance("workflows.helpers", "built")
            LazyWorkflowInstance("workflows.helpers", "plain")
            LazyWorkflowInstance("workflows.missing", "missing")
            """.utf8
        ).write(to: package.appendingPathComponent("__init__.py"))
        try Data(
            """
            from orchestrator.core.workflows.utils import create_workflow

            def make():
                return create_workflow()

            built = make()(lambda: None)

            def plain():
                pass
            """.utf8
        ).write(to: package.appendingPathComponent("helpers.py"))
        let registry = WorkflowReader(root: folder.url).read()
        let messages = registry.diagnostics.map(\.description)
        #expect(
            messages.contains {
                $0.hasPrefix("workflows/__init__.py:5: LazyWorkflowInstance(MODULE, ")
                    && $0.contains("must be string literals")
            }, "\(messages)")
        #expect(
            messages.contains {
                $0.contains("workflow built: workflows.helpers has no function built defined with def")
            })
        #expect(
            messages.contains {
                $0.contains("plain in workflows/helpers.py has no orchestrator-core workflow decorator")
            })
        #expect(messages.contains { $0.contains("workflow missing: module workflows.missing cannot be imported") })
        #expect(registry["dynamic"] == nil)
        #expect(registry["built"]?.target == nil)
    }

    @Test func withoutAWorkflowsPackageOnlyOrchestratorCoresAreRegistered() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let registry = WorkflowReader(root: folder.url).read()
        #expect(registry.sortedNames.count == 7)
        #expect(registry.diagnostics.first?.message.contains("no workflows package") == true)
    }
}
