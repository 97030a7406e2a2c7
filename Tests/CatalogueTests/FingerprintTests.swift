import Catalogue
import TestSupport
import Testing

@Suite struct FingerprintTests {
    let base = ExampleCatalogue.make()

    @Test func sameMeaningSameFingerprintWhateverTheOrderIdsAndTimestamps() {
        let other = ExampleCatalogue.make(idPrefix: "other-uuid", createdAt: "2020-02-02 02:02:02+00").reversed()
        #expect(CatalogueFingerprint(of: other) == CatalogueFingerprint(of: base))
        #expect(CatalogueFingerprint(of: base).value.hasPrefix("sha256:"))
        #expect(CatalogueFingerprint(of: base).value.count == 7 + 64)
    }

    @Test func emptyCatalogueHasTheDigestOfTheHeaderLine() {
        #expect(
            CatalogueFingerprint(of: DatabaseCatalogue()).value == "sha256:"
                + SHA256.hex(CatalogueFingerprint.header + "\n"))
    }

    /// Every kind of change of meaning must change the fingerprint.
    @Test(arguments: [
        "product description", "product type", "product tag", "product status", "product end date", "product name",
        "fixed input value", "fixed input name", "fixed input removed",
        "block description", "block tag", "block status", "block end date",
        "resource type description", "resource type renamed",
        "product block relation removed", "block relation min", "block relation max", "block relation removed",
        "block resource type removed", "workflow target", "workflow deleted", "workflow is_task",
        "workflow description",
        "product workflow removed",
    ])
    func everyChangeOfMeaningChangesIt(_ edit: String) {
        var c = base
        switch edit {
        case "product description": c.products[0].description += "!"
        case "product type": c.products[0].productType = "Other"
        case "product tag": c.products[0].tag = "OTHER"
        case "product status": c.products[0].status = "end of life"
        case "product end date": c.products[0].endDate = "2027-01-01 00:00:00+00"
        case "product name": c.products[0].name = "User groups"
        case "fixed input value": c.fixedInputs[0].value = "external"
        case "fixed input name": c.fixedInputs[0].name = "affiliations"
        case "fixed input removed": c.fixedInputs.removeFirst()
        case "block description": c.productBlocks[0].description = "x"
        case "block tag": c.productBlocks[0].tag = nil
        case "block status": c.productBlocks[0].status = nil
        case "block end date": c.productBlocks[0].endDate = "2027-01-01 00:00:00+00"
        case "resource type description": c.resourceTypes[0].description = nil
        case "resource type renamed": c.resourceTypes[0].name = "group_title"
        case "product block relation removed": c.productProductBlocks.removeFirst()
        case "block relation min": c.productBlockRelations[0].min = 1
        case "block relation max": c.productBlockRelations[0].max = 4
        case "block relation removed": c.productBlockRelations.removeAll()
        case "block resource type removed": c.productBlockResourceTypes.removeLast()
        case "workflow target": c.workflows[0].target = "CREATE"
        case "workflow deleted": c.workflows[0].deletedAt = "2026-05-05 00:00:00+00"
        case "workflow is_task": c.workflows[0].isTask = true
        case "workflow description": c.workflows[0].description = "Modify the note"
        case "product workflow removed": c.productsWorkflows.removeFirst()
        default: Issue.record("unknown edit \(edit)")
        }
        #expect(CatalogueFingerprint(of: c) != CatalogueFingerprint(of: base), "\(edit) kept the fingerprint")
    }

    @Test func fieldSeparatorsInValuesCannotForgeAnotherCatalogue() {
        // Without escaping, a tab inside a value would read like a field boundary.
        var a = base
        a.fixedInputs[0].name = "x\ty"
        a.fixedInputs[0].value = "z"
        var b = base
        b.fixedInputs[0].name = "x"
        b.fixedInputs[0].value = "y\tz"
        #expect(CatalogueFingerprint(of: a) != CatalogueFingerprint(of: b))
        #expect(CanonicalText.field("a\\b\tc\nd\re") == "a\\\\b\\tc\\nd\\re")
        #expect(CanonicalText.field(nil) == "\\N")
        #expect(CanonicalText.field("\\N") == "\\\\N")
    }

    @Test func canonicalTextIsSortedByBytesAndDocumented() {
        let text = CatalogueFingerprint.canonicalText(of: base)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == CatalogueFingerprint.header)
        let body = Array(lines.dropFirst())
        #expect(body == body.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(body.contains("fixed_input\tUser internal\taffiliation\tinternal"))
        #expect(body.contains("product_block_relation\tUserBlock\tUserGroupBlock\t\\N\t\\N"))
        #expect(body.contains("product\tUser group\tUserGroup\tGROUP\tactive\tfalse\tUser group product"))
    }
}
