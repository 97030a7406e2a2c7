import Catalogue
import Planner
import TestSupport
import Testing

/// PostgreSQL compares names by bytes; Swift's `==` by canonical equivalence. Where two spellings meet, the planner
/// must not call them the same (issue "Hardening", item 12).
@Suite struct UnicodeSpellingTests {
    @Test func aRegistryKeyInAnotherNormalisationThanTheCatalogueIsNotInSync() throws {
        var snapshot = try PlannerFixtures.exampleSnapshot()
        var models = try PlannerFixtures.exampleModels()
        // The catalogue says "User internal" in NFC with an é; the models spell it decomposed.
        let composed = "Usér internal"
        let decomposed = "Use\u{301}r internal"
        #expect(composed == decomposed, "Swift calls them equal")
        let index = try #require(snapshot.catalogue.products.firstIndex { $0.name == "User internal" })
        snapshot.catalogue.products[index].name = composed
        let product = try #require(models.products["User internal"])
        models.products.removeValue(forKey: "User internal")
        models.products[decomposed] = product
        do {
            _ = try PlannerFixtures.plan(snapshot, models)
            Issue.record("planned as if the names were the same")
        } catch let error as PlannerError {
            #expect(error.code == .unicodeConflict)
            #expect(error.message.contains("U+00E9"))
            #expect(error.message.contains("U+0065 U+0301"))
        }
    }

    @Test func aCatalogueHoldingBothSpellingsIsValidButRefusedForPlanning() throws {
        var snapshot = try PlannerFixtures.exampleSnapshot()
        let first = snapshot.catalogue.products[0]
        var second = first
        second.productID = "00000000-0000-0000-0000-0000000000e1"
        snapshot.catalogue.products[0].name = "Caf\u{E9}"
        second.name = "Cafe\u{301}"
        snapshot.catalogue.products.append(second)
        #expect(throws: Never.self) { try snapshot.catalogue.validate() }
        #expect(throws: PlannerError.self) { try PlannerFixtures.plan(snapshot, try PlannerFixtures.exampleModels()) }
    }

    @Test func conflictsAreFoundByBytes() {
        #expect(UnicodeNames.conflicts(["é", "e\u{301}", "x", "é"]) == [["e\u{301}", "é"]])
        #expect(UnicodeNames.conflicts(["a", "b"]).isEmpty)
    }
}
