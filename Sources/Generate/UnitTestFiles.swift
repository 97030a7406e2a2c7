import DomainModels

/// `generate unit-tests`: a test module per product and workflow, the product's subscription fixtures, and (when
/// missing) the test set-up they need: `test/unit_tests/conftest.py` and the workflow runner of
/// `test/unit_tests/workflows/__init__.py`. Tests are never under the folder prefix.
extension ProductCode {
    /// Files the project keeps once written (the shared test set-up): written only when missing, even with --force.
    public static let writtenOnce: Set<String> = [
        "test/unit_tests/conftest.py", "test/unit_tests/workflows/__init__.py",
    ]

    /// The packages the tests live in.
    public var testPackages: [String] {
        [
            "test", "test/unit_tests", "test/unit_tests/domain", "test/unit_tests/domain/product_types",
            "test/unit_tests/fixtures", "test/unit_tests/workflows/\(variable)",
        ]
    }

    public func unitTestFiles(_ templates: Templates) throws(GenerateError) -> [GeneratedFile] {
        let context = templateContext()
        func file(_ path: String, _ template: String, _ extra: [String: Any]) throws(GenerateError) -> GeneratedFile {
            GeneratedFile(
                path: path,
                content: PythonLayout.normalize(try templates.render(template, context.merging(extra) { $1 })))
        }
        let createEnabled = isEnabled("create")
        let summaryPage = config.summaryForms ? ", {}" : ""
        var files = [
            try file(
                "test/unit_tests/conftest.py", "test_conftest.j2",
                ["products_module": paths.module("products"), "workflows_module": paths.workflowsModule]),
            try file("test/unit_tests/workflows/__init__.py", "test_workflows_init.j2", [:]),
        ]
        // The fixtures: the create form's answers and a subscription made by the create workflow.
        var imports = PythonImports(firstParty: paths.firstParty)
        imports.module("pytest")
        imports.from("orchestrator.core.db", "ProductTable")
        imports.from("orchestrator.core.db", "db")
        imports.from("sqlalchemy", "select")
        if createEnabled {
            for name in ["assert_complete", "extract_state", "run_workflow"] {
                imports.from("test.unit_tests.workflows", name)
            }
        }
        imports.from("uuid", "uuid4")
        var entries = ["\"customer_id\": str(uuid4())"]
        for field in formFields() where !field.code.isList {
            if let value = field.code.sampleInput { entries.append("\(PythonLiteral.string(field.name)): \(value)") }
        }
        let input = "{\n" + entries.map { "        \($0),\n" }.joined() + "    }"
        files.append(
            try file(
                "test/unit_tests/fixtures/\(variable).py", "test_fixtures.j2",
                [
                    "imports": imports.text, "create_input": input, "product_type_literal": PythonLiteral.string(type),
                    "create_enabled": createEnabled, "summary_page": summaryPage,
                ]))

        var typeImports = PythonImports(firstParty: paths.firstParty)
        typeImports.from("uuid", "uuid4")
        typeImports.from("orchestrator.core.db", "ProductTable")
        typeImports.from("orchestrator.core.types", "SubscriptionLifecycle")
        typeImports.from(productModule, "\(type)Inactive")
        if createEnabled {
            typeImports.from("orchestrator.core.db", "db")
            typeImports.from(productModule, type)
        }
        files.append(
            try file(
                "test/unit_tests/domain/product_types/test_\(variable).py", "test_product_type.j2",
                ["imports": typeImports.text, "create_enabled": createEnabled]))

        guard createEnabled else { return files }
        for workflow in enabledWorkflows {
            var imports = PythonImports(firstParty: paths.firstParty)
            imports.from("test.unit_tests.workflows", "assert_complete")
            imports.from("test.unit_tests.workflows", "extract_state")
            imports.from("test.unit_tests.workflows", "run_workflow")
            switch workflow {
            case "create":
                imports.from("orchestrator.core.db", "ProductTable")
                imports.from("test.unit_tests.fixtures.\(variable)", "create_\(variable)_input")
                fallthrough
            case "modify", "terminate":
                imports.from("orchestrator.core.types", "SubscriptionLifecycle")
                imports.from(productModule, type)
            default:
                break
            }
            files.append(
                try file(
                    "test/unit_tests/workflows/\(variable)/test_\(workflow)_\(variable).py",
                    "test_\(workflow)_workflow.j2",
                    ["imports": imports.text, "summary_page": summaryPage]))
        }
        return files
    }
}
