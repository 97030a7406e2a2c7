/// Something that runs SQL and returns rows of text: a live PostgreSQL connection, or a stand-in in tests of code
/// that does not need a server. Readers, the plan executor and the migrator work through this protocol, so only the
/// tests of what touches the server need one.
public protocol PostgresQuerying: AnyObject {
    /// The database's name, for messages.
    var database: String { get }

    /// Runs one statement (or several without results) and returns its rows, each column as text or `nil` for NULL.
    func query(_ sql: String) throws(PostgresError) -> [[String?]]
}
