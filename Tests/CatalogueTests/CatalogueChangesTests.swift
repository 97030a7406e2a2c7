import Catalogue
import TestSupport
import Testing

@Suite struct CatalogueChangesTests {
    let base = ExampleCatalogue.make()

    @Test func identicalCataloguesHaveNoChanges() {
        #expect(base.changes(to: ExampleCatalogue.make(idPrefix: "z").reversed()).isEmpty)
    }

    @Test func reportsAddedRemovedAndChangedByName() {
        var live = base
        live.products[1].description = "Internal users"
        live.fixedInputs[1].value = "partner"
        live.productBlocks.removeAll { $0.name == "UserGroupBlock" }
        live.productProductBlocks.removeAll { $0.productBlockID == "a-b-group" }
        live.productBlockRelations.removeAll()
        live.productBlockResourceTypes.removeAll { $0.productBlockID == "a-b-group" }
        live.resourceTypes.append(ResourceType(resourceTypeID: "new", name: "email", description: nil))
        let changes = base.changes(to: live).map(\.description)
        #expect(
            changes == [
                "~ product \"User external\": fixed inputs",
                "~ product \"User group\": product blocks",
                "~ product \"User internal\": description",
                "~ product block \"UserBlock\": depends on",
                "- product block \"UserGroupBlock\"",
                "+ resource type \"email\"",
            ])
    }
}
