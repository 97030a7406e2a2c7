import Foundation

/// Reads Python pickles (protocols 0 to 5) into `PickleValue`s, executing nothing: globals stay names, calls stay
/// records. Persistent ids, extension codes and out-of-band buffers are refused; so is anything past the limits
/// (a job state is a few kilobytes).
struct PickleReader {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "at byte \(offset): \(reason)" }
    }

    static let maximumSize = 1 << 20
    static let maximumOperations = 200_000

    private let bytes: [UInt8]
    private var position = 0
    private var stack: [PickleValue] = []
    private var marks: [Int] = []
    private var memo: [Int: PickleValue] = [:]
    /// Every container made, for `PickleDocument` to take apart.
    private var containers: [any PickleContainer] = []

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func read(_ bytes: [UInt8]) throws(Failure) -> PickleDocument {
        guard bytes.count <= maximumSize else {
            throw Failure(offset: 0, reason: "\(bytes.count) bytes is more than a job state can be")
        }
        var reader = PickleReader(bytes)
        do {
            let root = try reader.run()
            return PickleDocument(root: root, containers: reader.containers)
        } catch {
            // What was read so far is taken apart as a document would be.
            reader.stack = []
            reader.memo = [:]
            PickleDocument.dispose(reader.containers)
            throw error
        }
    }

    private mutating func keep<Container: PickleContainer>(_ container: Container) -> Container {
        containers.append(container)
        return container
    }

    private enum Sequence { case tuple, list, set }

    private mutating func make(_ kind: Sequence, _ items: [PickleValue]) -> PickleValue {
        let list = keep(PickleList(items))
        switch kind {
        case .tuple: return .tuple(list)
        case .list: return .list(list)
        case .set: return .set(list)
        }
    }

    private mutating func run() throws(Failure) -> PickleValue {
        for _ in 0..<Self.maximumOperations {
            let start = position
            let opcode = try byte()
            if opcode == UInt8(ascii: ".") {
                guard stack.count == 1, marks.isEmpty, let result = stack.last else {
                    throw Failure(offset: start, reason: "STOP with \(stack.count) values on the stack")
                }
                return result
            }
            try step(opcode, at: start)
        }
        throw Failure(offset: position, reason: "more than \(Self.maximumOperations) operations")
    }

    // MARK: - Opcodes

    private mutating func step(_ opcode: UInt8, at start: Int) throws(Failure) {
        switch opcode {
        case 0x80: _ = try byte()  // PROTO
        case 0x95: _ = try take(8)  // FRAME: a length hint only
        case 0x28: marks.append(stack.count)  // MARK
        case 0x30: _ = try pop(start)  // POP
        case 0x31: _ = try popMark(start)  // POP_MARK
        case 0x32: stack.append(try top(start))  // DUP
        case 0x4E: stack.append(.none)  // NONE
        case 0x88: stack.append(.bool(true))  // NEWTRUE
        case 0x89: stack.append(.bool(false))  // NEWFALSE
        case 0x4B: stack.append(.int(Int64(try byte())))  // BININT1
        case 0x4D: stack.append(.int(Int64(try unsigned(2))))  // BININT2
        case 0x4A: stack.append(.int(Int64(Int32(truncatingIfNeeded: try unsigned(4)))))  // BININT
        case 0x8A: stack.append(try long(length: Int(try byte())))  // LONG1
        case 0x8B: stack.append(try long(length: try length(4, start)))  // LONG4
        case 0x49: stack.append(try textInt(start))  // INT
        case 0x4C: stack.append(try textInt(start, long: true))  // LONG
        case 0x47:  // BINFLOAT
            stack.append(.float(Double(bitPattern: try take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })))
        case 0x46:  // FLOAT
            guard let value = Double(try line()) else { throw Failure(offset: start, reason: "malformed FLOAT") }
            stack.append(.float(value))
        case 0x8C: stack.append(.string(try utf8(try take(Int(try byte())), start)))  // SHORT_BINUNICODE
        case 0x58: stack.append(.string(try utf8(try take(try length(4, start)), start)))  // BINUNICODE
        case 0x8D: stack.append(.string(try utf8(try take(try length(8, start)), start)))  // BINUNICODE8
        case 0x56: stack.append(.string(try rawUnicodeEscape(try line(), start)))  // UNICODE
        case 0x55: stack.append(.string(latin1(try take(Int(try byte())))))  // SHORT_BINSTRING
        case 0x54: stack.append(.string(latin1(try take(try length(4, start)))))  // BINSTRING
        case 0x53: stack.append(.string(try quoted(try line(), start)))  // STRING
        case 0x43: stack.append(.bytes(try take(Int(try byte()))))  // SHORT_BINBYTES
        case 0x42: stack.append(.bytes(try take(try length(4, start))))  // BINBYTES
        case 0x8E, 0x96: stack.append(.bytes(try take(try length(8, start))))  // BINBYTES8, BYTEARRAY8
        case 0x29: stack.append(make(.tuple, []))  // EMPTY_TUPLE
        case 0x85, 0x86, 0x87:  // TUPLE1-3
            let count = Int(opcode - 0x84)
            // Values below the last MARK are not on the stack for this (CPython keeps them on another stack).
            guard visible.count >= count else {
                throw Failure(offset: start, reason: "TUPLE\(count) on a short stack")
            }
            let items = Array(stack.suffix(count))
            stack.removeLast(count)
            stack.append(make(.tuple, items))
        case 0x74: stack.append(make(.tuple, try popMark(start)))  // TUPLE
        case 0x5D: stack.append(make(.list, []))  // EMPTY_LIST
        case 0x6C: stack.append(make(.list, try popMark(start)))  // LIST
        case 0x61:  // APPEND
            let item = try pop(start)
            try list(start).items.append(item)
        case 0x65:  // APPENDS
            let items = try popMark(start)
            try list(start).items += items
        case 0x7D: stack.append(.dict(keep(PickleDict())))  // EMPTY_DICT
        case 0x64: stack.append(.dict(keep(PickleDict(try pairs(try popMark(start), start)))))  // DICT
        case 0x73:  // SETITEM
            let value = try pop(start)
            let key = try pop(start)
            try dict(start).entries.append((key, value))
        case 0x75:  // SETITEMS
            let items = try popMark(start)
            try dict(start).entries += try pairs(items, start)
        case 0x8F: stack.append(make(.set, []))  // EMPTY_SET
        case 0x90:  // ADDITEMS
            let items = try popMark(start)
            guard case .set(let existing) = try pop(start) else {
                throw Failure(offset: start, reason: "ADDITEMS to something that is not a set")
            }
            existing.items += items
            stack.append(.set(existing))
        case 0x91: stack.append(make(.set, try popMark(start)))  // FROZENSET
        case 0x94: memo[memo.count] = try top(start)  // MEMOIZE
        case 0x71: memo[Int(try byte())] = try top(start)  // BINPUT
        case 0x72: memo[Int(try unsigned(4))] = try top(start)  // LONG_BINPUT
        case 0x70: memo[try lineNumber(start)] = try top(start)  // PUT
        case 0x68: stack.append(try memoized(Int(try byte()), start))  // BINGET
        case 0x6A: stack.append(try memoized(Int(try unsigned(4)), start))  // LONG_BINGET
        case 0x67: stack.append(try memoized(try lineNumber(start), start))  // GET
        case 0x63:  // GLOBAL
            let module = Self.python3Module(try line())
            stack.append(.global(module: module, name: try line()))
        case 0x93:  // STACK_GLOBAL
            guard let name = try pop(start).string, let module = try pop(start).string else {
                throw Failure(offset: start, reason: "STACK_GLOBAL without module and name texts")
            }
            stack.append(.global(module: module, name: name))
        case 0x52:  // REDUCE
            let arguments = try pop(start)
            let callable = try pop(start)
            let items = arguments.items ?? []
            // Protocols 0 and 1 make instances through copyreg._reconstructor(cls, base, state): an instance of cls.
            if callable.qualifiedName == "copyreg._reconstructor", let type = items.first {
                stack.append(.object(keep(PickleObject(kind: .instance, callable: type, arguments: []))))
            } else {
                stack.append(.object(keep(PickleObject(kind: .call, callable: callable, arguments: items))))
            }
        case 0x81:  // NEWOBJ
            let arguments = try pop(start)
            let type = try pop(start)
            stack.append(.object(keep(PickleObject(kind: .instance, callable: type, arguments: arguments.items ?? []))))
        case 0x92:  // NEWOBJ_EX (keyword arguments dropped: no class a job state holds takes any)
            _ = try pop(start)
            let arguments = try pop(start)
            let type = try pop(start)
            stack.append(.object(keep(PickleObject(kind: .instance, callable: type, arguments: arguments.items ?? []))))
        case 0x62:  // BUILD
            let state = try pop(start)
            guard case .object(let object) = try top(start) else {
                throw Failure(offset: start, reason: "BUILD on something that is not an object")
            }
            object.state = state
        case 0x69:  // INST
            let module = try line()
            let name = try line()
            let arguments = try popMark(start)
            let type = PickleValue.global(module: Self.python3Module(module), name: name)
            stack.append(.object(keep(PickleObject(kind: .instance, callable: type, arguments: arguments))))
        case 0x6F:  // OBJ
            var items = try popMark(start)
            guard !items.isEmpty else { throw Failure(offset: start, reason: "OBJ without a class") }
            let type = items.removeFirst()
            stack.append(.object(keep(PickleObject(kind: .instance, callable: type, arguments: items))))
        case 0x50, 0x51:
            throw Failure(offset: start, reason: "persistent ids are not part of a job state")
        case 0x82, 0x83, 0x84:
            throw Failure(offset: start, reason: "extension codes (copyreg) are not supported")
        case 0x97, 0x98:
            throw Failure(offset: start, reason: "out-of-band buffers are not part of a job state")
        default:
            throw Failure(offset: start, reason: "unknown opcode 0x\(String(opcode, radix: 16))")
        }
    }

    // MARK: - Stack

    private mutating func pop(_ at: Int) throws(Failure) -> PickleValue {
        guard !visible.isEmpty, let value = stack.popLast() else {
            throw Failure(offset: at, reason: "a value was needed but the stack is empty")
        }
        return value
    }

    /// The values above the last MARK: the stack an opcode sees (CPython keeps the rest on another stack).
    private var visible: ArraySlice<PickleValue> { stack[(marks.last ?? 0)...] }

    private func top(_ at: Int) throws(Failure) -> PickleValue {
        guard let value = visible.last else { throw Failure(offset: at, reason: "the stack is empty") }
        return value
    }

    private mutating func popMark(_ at: Int) throws(Failure) -> [PickleValue] {
        guard let mark = marks.popLast() else { throw Failure(offset: at, reason: "no MARK to pop to") }
        let items = Array(stack[mark...])
        stack.removeLast(stack.count - mark)
        return items
    }

    private func list(_ at: Int) throws(Failure) -> PickleList {
        guard case .list(let list) = visible.last else {
            throw Failure(offset: at, reason: "APPEND to something that is not a list")
        }
        return list
    }

    private func dict(_ at: Int) throws(Failure) -> PickleDict {
        guard case .dict(let dict) = visible.last else {
            throw Failure(offset: at, reason: "SETITEM on something that is not a dict")
        }
        return dict
    }

    private func pairs(_ items: [PickleValue], _ at: Int) throws(Failure) -> [(key: PickleValue, value: PickleValue)] {
        guard items.count % 2 == 0 else { throw Failure(offset: at, reason: "an odd number of dict items") }
        return stride(from: 0, to: items.count, by: 2).map { (items[$0], items[$0 + 1]) }
    }

    private func memoized(_ index: Int, _ at: Int) throws(Failure) -> PickleValue {
        guard let value = memo[index] else { throw Failure(offset: at, reason: "memo \(index) was never stored") }
        return value
    }

    // MARK: - Bytes

    private mutating func byte() throws(Failure) -> UInt8 {
        guard position < bytes.count else { throw Failure(offset: position, reason: "the pickle ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func take(_ count: Int) throws(Failure) -> [UInt8] {
        guard count >= 0, count <= bytes.count - position else {
            throw Failure(offset: position, reason: "the pickle ends early (\(count) bytes needed)")
        }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// A little-endian unsigned number of `size` bytes.
    private mutating func unsigned(_ size: Int) throws(Failure) -> UInt64 {
        try take(size).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    private mutating func length(_ size: Int, _ at: Int) throws(Failure) -> Int {
        let value = try unsigned(size)
        guard value <= UInt64(bytes.count) else { throw Failure(offset: at, reason: "a length past the end") }
        return Int(value)
    }

    private mutating func long(length: Int) throws(Failure) -> PickleValue {
        let data = try take(length)
        guard !data.isEmpty else { return .int(0) }
        guard data.count <= 8 else { return .bigInt(data) }
        var value = data.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        // Sign-extend from the top byte.
        if data.count < 8, let last = data.last, last & 0x80 != 0 { value |= ~UInt64(0) << UInt64(data.count * 8) }
        return .int(Int64(bitPattern: value))
    }

    /// A text line (protocol 0), without its newline.
    private mutating func line() throws(Failure) -> String {
        guard let end = bytes[position...].firstIndex(of: 0x0A) else {
            throw Failure(offset: position, reason: "a text line without its end")
        }
        defer { position = end + 1 }
        return latin1(Array(bytes[position..<end]))
    }

    private mutating func textInt(_ at: Int, long: Bool = false) throws(Failure) -> PickleValue {
        var text = try line()
        if long, text.hasSuffix("L") { text.removeLast() }
        if !long, text == "01" { return .bool(true) }
        if !long, text == "00" { return .bool(false) }
        guard let value = Int64(text) else {
            throw Failure(offset: at, reason: "malformed integer '\(text.prefix(20))'")
        }
        return .int(value)
    }

    private mutating func lineNumber(_ at: Int) throws(Failure) -> Int {
        guard let value = Int(try line()) else { throw Failure(offset: at, reason: "malformed memo index") }
        return value
    }

    private func utf8(_ data: [UInt8], _ at: Int) throws(Failure) -> String {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw Failure(offset: at, reason: "a text that is not UTF-8")
        }
        return text
    }

    /// Protocols 0 to 2 write Python 2's module names (`__builtin__`, `copy_reg`); these are Python 3's.
    static func python3Module(_ module: String) -> String {
        switch module {
        case "__builtin__": return "builtins"
        case "copy_reg": return "copyreg"
        default: return module
        }
    }

    /// Python's raw-unicode-escape: latin-1, with `\uXXXX` and `\UXXXXXXXX` for everything else.
    private func rawUnicodeEscape(_ text: String, _ at: Int) throws(Failure) -> String {
        guard text.contains("\\") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" || scalars[index + 1] == "U" {
                let width = scalars[index + 1] == "u" ? 4 : 8
                let digits = String(
                    String.UnicodeScalarView(
                        scalars[min(scalars.count, index + 2)..<min(scalars.count, index + 2 + width)]))
                guard digits.count == width, let value = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(value)
                else { throw Failure(offset: at, reason: "a malformed \\u escape in a UNICODE text") }
                result.append(decoded)
                index += 2 + width
            } else {
                result.append(scalar)
                index += 1
            }
        }
        return String(result)
    }

    private func latin1(_ data: [UInt8]) -> String {
        String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
    }

    /// A protocol-0 `STRING`: a quoted repr; only the quotes are removed (escapes stay as written).
    private func quoted(_ text: String, _ at: Int) throws(Failure) -> String {
        guard text.count >= 2, let first = text.first, first == text.last, first == "'" || first == "\"" else {
            throw Failure(offset: at, reason: "a STRING without quotes")
        }
        return String(text.dropFirst().dropLast())
    }
}
