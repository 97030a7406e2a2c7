/// A value read from a Python pickle. Nothing is ever called or imported: a class or function is only its name
/// (`global`), and a call or an instantiation is only the record of it (`object`), for a reader that knows what the
/// names mean to interpret.
indirect enum PickleValue {
    case none
    case bool(Bool)
    case int(Int64)
    /// An integer that does not fit 64 bits: its little-endian two's-complement bytes.
    case bigInt([UInt8])
    case float(Double)
    case string(String)
    case bytes([UInt8])
    case tuple(PickleList)
    case list(PickleList)
    case dict(PickleDict)
    case set(PickleList)
    /// `module.name`, as the pickle names it.
    case global(module: String, name: String)
    case object(PickleObject)

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var int: Int64? {
        switch self {
        case .int(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }

    var dict: PickleDict? {
        if case .dict(let dict) = self { return dict }
        return nil
    }

    /// The items of a tuple or a list.
    var items: [PickleValue]? {
        switch self {
        case .tuple(let list), .list(let list): return list.items
        default: return nil
        }
    }

    /// `module.name` of a global, or `module.Class.name` of the `getattr(module.Class, "name")` pickles use for
    /// methods (one level: nothing APScheduler stores needs more, and no input can make this recurse).
    var qualifiedName: String? {
        switch self {
        case .global(let module, let name): return "\(module).\(name)"
        case .object(let object):
            guard object.kind == .call, case .global("builtins", "getattr") = object.callable,
                object.arguments.count == 2, case .global(let module, let name) = object.arguments[0],
                let attribute = object.arguments[1].string
            else { return nil }
            return "\(module).\(name).\(attribute)"
        default: return nil
        }
    }

    /// What kind of value this is, for diagnostics (never the value itself).
    var kindName: String {
        switch self {
        case .none: return "None"
        case .bool: return "bool"
        case .int, .bigInt: return "int"
        case .float: return "float"
        case .string: return "str"
        case .bytes: return "bytes"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict: return "dict"
        case .set: return "set"
        case .global(let module, let name): return "\(module).\(name)"
        case .object(let object): return object.callable.qualifiedName ?? "object"
        }
    }
}

/// A container of values. Containers are references (a pickle fills a list after it has put it in its memo), and
/// `PickleDocument` empties them all when it is released.
protocol PickleContainer: AnyObject {
    func clear()
}

/// What a pickle read into: the root value, and every container it made.
///
/// Released, it empties each container before letting go, so freeing never recurses through a deep nesting (a
/// hostile pickle can nest a hundred thousand tuples) and a list that holds itself does not leak.
final class PickleDocument {
    let root: PickleValue
    private let containers: [any PickleContainer]

    init(root: PickleValue, containers: [any PickleContainer]) {
        self.root = root
        self.containers = containers
    }

    static func dispose(_ containers: [any PickleContainer]) {
        for container in containers { container.clear() }
    }

    deinit { Self.dispose(containers) }
}

/// A list, tuple or set.
final class PickleList: PickleContainer {
    var items: [PickleValue]
    init(_ items: [PickleValue] = []) { self.items = items }
    func clear() { items = [] }
}

/// A dict, in insertion order (Python's).
final class PickleDict: PickleContainer {
    var entries: [(key: PickleValue, value: PickleValue)]
    init(_ entries: [(key: PickleValue, value: PickleValue)] = []) { self.entries = entries }
    func clear() { entries = [] }

    subscript(key: String) -> PickleValue? {
        entries.last { $0.key.string == key }?.value
    }

    func contains(_ key: String) -> Bool { entries.contains { $0.key.string == key } }
}

/// A call (`REDUCE`: callable and arguments) or an instantiation (`NEWOBJ`: class and arguments), with the state
/// `BUILD` gave it.
final class PickleObject: PickleContainer {
    enum Kind { case call, instance }

    let kind: Kind
    private(set) var callable: PickleValue
    private(set) var arguments: [PickleValue]
    var state: PickleValue?

    func clear() {
        callable = .none
        arguments = []
        state = nil
    }

    init(kind: Kind, callable: PickleValue, arguments: [PickleValue]) {
        self.kind = kind
        self.callable = callable
        self.arguments = arguments
    }

    /// The state dict: BUILD's dict, or the dict of a `(dict, slots)` pair.
    var stateDict: PickleDict? {
        switch state {
        case .dict(let dict): return dict
        case .tuple(let pair) where pair.items.count == 2:
            return pair.items[0].dict ?? pair.items[1].dict
        default: return nil
        }
    }
}
