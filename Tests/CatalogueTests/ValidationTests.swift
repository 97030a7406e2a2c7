import Catalogue
import TestSupport
import Testing

@Suite struct ValidationTests {
    @Test func exampleIsConsistent() throws {
        try ExampleCatalogue.make().validate()
    }

    @Test func danglingRelationIsRejected() {
        var c = ExampleCatalogue.make()
        c.productBlockResourceTypes.append(ProductBlockResourceType(productBlockID: "a-b-user", resourceTypeID: "gone"))
        #expect(throws: CatalogueError.self) { try c.validate() }
    }

    @Test func duplicateNameIsRejected() {
        var c = ExampleCatalogue.make()
        c.products[1].name = c.products[0].name
        do {
            try c.validate()
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "product name 'User group' appears twice")
        }
    }
}
