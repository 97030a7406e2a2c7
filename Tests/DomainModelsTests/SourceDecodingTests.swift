import Catalogue
import Foundation
import Testing

/// Source files are read as CPython reads them; what CPython cannot import is a diagnostic that makes the model set
/// incomplete, never a module quietly read in part (issue "Hardening", item 4).
@Suite struct SourceDecodingTests {
    static let registry = """
        from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
        from products.models import Product

        SUBSCRIPTION_MODEL_REGISTRY.update({"P": Product})

        """

    static let models = """
        from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel

        class Block(ProductBlockModel, product_block_name="Block"):
            name: str
            speed: int

        class Product(SubscriptionModel):
            block: Block

        """

    func read(registry: Data = Data(Self.registry.utf8), models: Data) throws -> ModelSet {
        try ModelProject.read(bytes: ["products/__init__.py": registry, "products/models.py": models])
    }

    func expectComplete(_ models: ModelSet, _ what: String) {
        #expect(models.products["P"]?.productBlocks == ["Block"], "\(what): \(models.diagnostics)")
        #expect(models.productBlocks["Block"]?.resourceTypes == ["name", "speed"], "\(what)")
        #expect(models.diagnostics.isEmpty, "\(what): \(models.diagnostics)")
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstStatement() throws {
        let bom = Data([0xEF, 0xBB, 0xBF])
        expectComplete(try read(registry: bom + Data(Self.registry.utf8), models: bom + Data(Self.models.utf8)), "BOM")
    }

    @Test func windowsAndOldMacLineEndingsAndFormFeeds() throws {
        let crlf = Self.models.replacingOccurrences(of: "\n", with: "\r\n")
        expectComplete(
            try read(
                registry: Data(Self.registry.replacingOccurrences(of: "\n", with: "\r\n").utf8), models: Data(crlf.utf8)
            ), "CRLF")
        expectComplete(try read(models: Data(Self.models.replacingOccurrences(of: "\n", with: "\r").utf8)), "CR")
        expectComplete(
            try read(
                models: Data(
                    ("\u{0C}\n"
                        + Self.models.replacingOccurrences(of: "\nclass Product", with: "\n\u{0C}\nclass Product")).utf8
                )), "form feeds")
    }

    @Test func aLatin1DeclarationDecodesLatin1() throws {
        var source = Data("# -*- coding: latin-1 -*-\n".utf8) + Data(Self.models.utf8)
        source += Data("# caf".utf8) + Data([0xE9]) + Data("\n".utf8)
        expectComplete(try read(models: source), "latin-1")
    }

    @Test(arguments: [
        ("invalid UTF-8", Data(Self.models.utf8) + Data([0x23, 0x20, 0xFF, 0x0A]), 9),
        ("NUL byte", Data(Self.models.utf8) + Data([0x00]), 9),
        (
            "unterminated string",
            Data(Self.models.replacingOccurrences(of: "speed: int", with: "speed: int = \"x").utf8), 5
        ),
        ("unknown encoding", Data(("# coding: klingon\n" + Self.models).utf8), 1),
        ("BOM with another encoding", Data([0xEF, 0xBB, 0xBF]) + Data(("# coding: latin-1\n" + Self.models).utf8), 1),
    ])
    func aModuleCPythonCannotImportIsDiagnosedAndIncomplete(_ what: String, _ source: Data, _ line: Int) throws {
        let models = try read(models: source)
        #expect(models.isIncomplete, "\(what)")
        #expect(
            models.diagnostics.contains { $0.file == "products/models.py" && $0.line == line },
            "\(what): \(models.diagnostics)")
        #expect(models.products["P"] == nil, "\(what): the product's class could not be read")
    }

    @Test func aCircularImportThatPythonRefusesIsDiagnosed() throws {
        let models = try ModelProject.read([
            "products/__init__.py": Self.registry,
            "products/models.py": """
            from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel
            from products.extra import Extra

            class Block(ProductBlockModel, product_block_name="Block"):
                name: str

            class Product(SubscriptionModel):
                block: Block
            """,
            "products/extra.py": """
            from products.models import Block  # products.models is only half executed here: ImportError

            Extra = Block
            """,
        ])
        #expect(models.isIncomplete)
        #expect(
            models.diagnostics.contains {
                $0.file == "products/extra.py" && $0.line == 1 && $0.message.contains("circular import")
            })
    }

    @Test func anImportCycleThatPythonAcceptsIsNotDiagnosed() throws {
        // Importing a submodule (or a name already bound) from a half-executed package works in Python.
        let models = try ModelProject.read([
            "products/__init__.py": """
            from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
            NAME = "P"
            from products.models import Product

            SUBSCRIPTION_MODEL_REGISTRY.update({NAME: Product})
            """,
            "products/models.py": """
            from products import NAME
            from products import shared
            from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel

            class Block(ProductBlockModel, product_block_name=NAME):
                name: str

            class Product(SubscriptionModel):
                block: Block
            """,
            "products/shared.py": "X = 1\n",
        ])
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
        #expect(models.products["P"]?.productBlocks == ["P"])
    }
}
