import Testing

@testable import Alembic

@Suite struct RevisionTextTests {
    @Test func sqlIsEscapedForPythonAndSaText() {
        #expect(
            RevisionTemplate.pythonTextLiteral(#"SELECT 'a\b', "q", '09:00', x::text"# + "\r\n")
                == #"SELECT 'a\\b', \"q\", '09\\:00', x\\:\\:text\r"# + "\n")
    }

    @Test func slugsFollowAlembic() {
        #expect(
            FileTemplate.slug("Add partner users, e-mail & preferences!", limit: 40)
                == "add_partner_users_e_mail_preferences")
        #expect(
            FileTemplate.slug("a very long message that goes on and on and on", limit: 20) == "a_very_long_message_")
    }
}
