/// A revision argument of `db upgrade`/`downgrade`/`stamp`, in Alembic's syntax: `heads`, `head`, `base`,
/// `<branch>@head`, `<branch>@base`, relative steps (`+2`, `-1`, `<branch>@-1`, `<revision>+1`), a revision id or
/// a unique prefix of one, or a branch label.
public enum RevisionArgument: Sendable, Equatable, CustomStringConvertible {
    case heads
    case head
    case base
    case branchHead(String)
    case branchBase(String)
    /// `steps` up (positive) or down (negative) from `anchor` (nil: the database's current head).
    case relative(anchor: Anchor?, steps: Int)
    case revision(String)

    public enum Anchor: Sendable, Equatable {
        /// `<branch>@±N`: from the database's head on that branch.
        case branch(String)
        /// `<revision>±N`.
        case revision(String)
    }

    public init(_ text: String) {
        switch text {
        case "heads": self = .heads
        case "head": self = .head
        case "base": self = .base
        default:
            if let at = text.lastIndex(of: "@") {
                let label = String(text[..<at])
                let rest = String(text[text.index(after: at)...])
                if rest == "head" {
                    self = .branchHead(label)
                } else if rest == "base" {
                    self = .branchBase(label)
                } else if let steps = Self.steps(rest) {
                    self = .relative(anchor: .branch(label), steps: steps)
                } else {
                    self = .revision(text)
                }
            } else if let steps = Self.steps(text) {
                self = .relative(anchor: nil, steps: steps)
            } else if let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }), sign != text.startIndex,
                let steps = Self.steps(String(text[sign...]))
            {
                self = .relative(anchor: .revision(String(text[..<sign])), steps: steps)
            } else {
                self = .revision(text)
            }
        }
    }

    /// `+2` → 2, `-1` → -1; nil for anything else.
    public static func steps(_ text: String) -> Int? {
        guard let first = text.first, first == "+" || first == "-", text.count > 1,
            text.dropFirst().allSatisfy(\.isNumber), let number = Int(text.dropFirst())
        else { return nil }
        return first == "-" ? -number : number
    }

    public var description: String {
        switch self {
        case .heads: return "heads"
        case .head: return "head"
        case .base: return "base"
        case .branchHead(let label): return "\(label)@head"
        case .branchBase(let label): return "\(label)@base"
        case .relative(let anchor, let steps):
            let amount = steps >= 0 ? "+\(steps)" : "\(steps)"
            switch anchor {
            case .none: return amount
            case .branch(let label)?: return "\(label)@\(amount)"
            case .revision(let id)?: return id + amount
            }
        case .revision(let id): return id
        }
    }
}

extension RevisionGraph {
    /// A revision id, a unique prefix of one, or a branch label (the revision that carries it), as Alembic resolves
    /// them; an error naming the candidates when a prefix is ambiguous, or saying that nothing matches.
    public func resolve(_ name: String) throws(AlembicError) -> RevisionFile {
        if let revision = revisions[name] { return revision }
        let labelled = order.compactMap { revisions[$0] }.filter { $0.branchLabels.contains(name) }
        if labelled.count == 1, let revision = labelled.first { return revision }
        let prefixed = order.filter { $0.hasPrefix(name) }.compactMap { revisions[$0] }
        if prefixed.count > 1 {
            throw AlembicError(
                .ambiguousRevision,
                "several revisions start with '\(name)': \(prefixed.map(\.id).joined(separator: ", ")); give more of the id"
            )
        }
        guard let revision = prefixed.first, !name.isEmpty else {
            throw AlembicError(.unknownRevision, "no revision or branch '\(name)' in the migration files")
        }
        return revision
    }

    /// The single head of the graph (`head`), or an error listing them.
    public func singleHead() throws(AlembicError) -> RevisionFile {
        let all = heads
        guard all.count == 1, let head = all.first else {
            throw AlembicError(
                all.isEmpty ? .unknownRevision : .ambiguousRevision,
                all.isEmpty
                    ? "there are no revisions"
                    : "several heads are present (\(all.map(\.id).joined(separator: ", "))): name one, a branch (data@head), or use heads"
            )
        }
        return head
    }
}
