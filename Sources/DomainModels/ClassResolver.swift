import PythonSource

/// What classes are: their bases, kinds, block names and lifecycles, their subclasses; and the constants the
/// models use (registry keys, list bounds, block names, enum values).
final class ClassResolver {
    let modules: ProjectModules
    let names: NameResolver
    private var subclassIndex: [ObjectIdentifier: [ProjectClass]]?
    // Per class, worked out once.
    private var basesCache: [ObjectIdentifier: [ResolvedBase]] = [:]
    private var kindCache: [ObjectIdentifier: ClassKind] = [:]
    /// Classes whose kind is being worked out: meeting one again means an inheritance cycle.
    private var kindInProgress: Set<ObjectIdentifier> = []

    init(modules: ProjectModules) {
        self.modules = modules
        names = NameResolver(modules: modules)
    }

    var allClasses: [ProjectClass] { modules.loadOrder.flatMap(\.classes) }

    // MARK: - Bases and kinds

    func bases(of projectClass: ProjectClass) -> [ResolvedBase] {
        if let bases = basesCache[ObjectIdentifier(projectClass)] { return bases }
        var result: [ResolvedBase] = []
        for base in projectClass.definition.bases {
            var target = base
            var arguments: [PythonExpression] = []
            if case .`subscript`(let value, let elements) = base {
                target = value
                arguments = elements
            }
            switch names.resolve(target, in: projectClass.module) {
            case .projectClass(let baseClass)?:
                result.append(.project(baseClass, typeArguments: arguments))
            case .external(let qualified)?:
                result.append(.external(KnownNames.lookup(qualified), qualified: qualified, typeArguments: arguments))
            case .builtin(let name)?:
                result.append(.external(KnownNames.builtin(name), qualified: name, typeArguments: arguments))
            case .value(let expression, let module)?:
                // `Base = SomeClass` aliases used as a base.
                switch names.resolve(expression, in: module) {
                case .projectClass(let aliased)?:
                    result.append(.project(aliased, typeArguments: arguments))
                case .external(let qualified)?:
                    result.append(
                        .external(KnownNames.lookup(qualified), qualified: qualified, typeArguments: arguments))
                default:
                    result.append(.unresolved(PythonUnparser.unparse(base)))
                }
            default:
                modules.diagnose(
                    projectClass.module.file, projectClass.line,
                    "cannot resolve base class \(PythonUnparser.unparse(base)) of \(projectClass.name)")
                result.append(.unresolved(PythonUnparser.unparse(base)))
            }
        }
        basesCache[ObjectIdentifier(projectClass)] = result
        return result
    }

    func kind(of projectClass: ProjectClass) -> ClassKind {
        let key = ObjectIdentifier(projectClass)
        if let kind = kindCache[key] { return kind }
        if kindInProgress.contains(key) {
            // Python cannot define a class that inherits from itself (the name is not bound yet): NameError.
            modules.diagnose(
                projectClass.module.file, projectClass.line,
                "class \(projectClass.name) inherits from itself (an inheritance cycle): Python cannot define it")
            return ClassKind(unknownBase: "an inheritance cycle")
        }
        kindInProgress.insert(key)
        defer { kindInProgress.remove(key) }
        var kind = ClassKind()
        for base in bases(of: projectClass) {
            switch base {
            case .project(let baseClass, _):
                let baseKind = self.kind(of: baseClass)
                kind.isProductBlock = kind.isProductBlock || baseKind.isProductBlock
                kind.isProduct = kind.isProduct || baseKind.isProduct
                kind.isEnum = kind.isEnum || baseKind.isEnum
                kind.isInstanceList = kind.isInstanceList || baseKind.isInstanceList
                kind.isStringBased = kind.isStringBased || baseKind.isStringBased
                kind.unknownBase = kind.unknownBase ?? baseKind.unknownBase
            case .external(let external, let qualified, _):
                switch external {
                case .productBlockBase?: kind.isProductBlock = true
                case .productBase?: kind.isProduct = true
                case .instanceListBase?: kind.isInstanceList = true
                case .enumBase(let stringBased)?:
                    kind.isEnum = true
                    kind.isStringBased = kind.isStringBased || stringBased
                case .scalar?, .scalarGeneric?, .list?:
                    if qualified == "str" { kind.isStringBased = true }
                case .neutralBase?:
                    break
                case .domainModelBase?, .typeVariable?, .union?, .annotated?, .constrainedListFunction?,
                    .constrainedScalarFunction?, .newType?, .typeVarFactory?, nil:
                    kind.unknownBase = kind.unknownBase ?? qualified
                }
            case .unresolved(let written):
                kind.unknownBase = kind.unknownBase ?? written
            }
        }
        kindCache[key] = kind
        return kind
    }

    /// Depth-first, left to right: close enough to Python's MRO for inherited keywords and attributes.
    func ancestors(of projectClass: ProjectClass) -> [ProjectClass] {
        var seen: Set<ObjectIdentifier> = []
        var order: [ProjectClass] = []
        func visit(_ current: ProjectClass) {
            guard seen.insert(ObjectIdentifier(current)).inserted else { return }
            order.append(current)
            for case .project(let base, _) in bases(of: current) { visit(base) }
        }
        visit(projectClass)
        return order
    }

    /// The block's name as orchestrator-core's `ProductBlockModel.__init_subclass__` sets it: a class with
    /// `product_block_name` is named; a class with neither that nor `lifecycle` is abstract (`name = None`, which
    /// also hides its ancestors' name); a lifecycle-only class inherits the attribute along the MRO.
    func blockName(of projectClass: ProjectClass) -> String? {
        for ancestor in ancestors(of: projectClass) where kind(of: ancestor).isProductBlock {
            if let value = ancestor.keyword("product_block_name") {
                if let name = string(value, in: ancestor.module) { return name }
                modules.diagnose(
                    ancestor.module.file, ancestor.line, "cannot evaluate product_block_name of \(ancestor.name)")
                return nil
            }
            if ancestor.keyword("lifecycle") == nil { return nil }
        }
        return nil
    }

    /// The lifecycle states of a class: its own `lifecycle=[...]` keyword, else its nearest ancestor's.
    func lifecycle(of projectClass: ProjectClass) -> [String] {
        for ancestor in ancestors(of: projectClass) {
            guard let value = ancestor.keyword("lifecycle") else { continue }
            var elements: [PythonExpression] = []
            switch value {
            case .list(let items), .tuple(let items): elements = items
            default: elements = [value]
            }
            return elements.compactMap { element in
                switch element {
                case .attribute(_, let state): return state.uppercased()
                case .string(let state): return state.uppercased()
                default: return nil
                }
            }
        }
        return []
    }

    func isBase(_ projectClass: ProjectClass) -> Bool {
        if case .constant("True")? = projectClass.keyword("is_base") { return true }
        return false
    }

    /// Every loaded class that derives (directly or not) from `projectClass`, in load order.
    func subclasses(of projectClass: ProjectClass) -> [ProjectClass] {
        if subclassIndex == nil {
            var index: [ObjectIdentifier: [ProjectClass]] = [:]
            for candidate in allClasses {
                for ancestor in ancestors(of: candidate).dropFirst() {
                    index[ObjectIdentifier(ancestor), default: []].append(candidate)
                }
            }
            subclassIndex = index
        }
        return subclassIndex?[ObjectIdentifier(projectClass)] ?? []
    }

    /// The block names a class stands for (`__names__`): its own name, or for an abstract block the names of its
    /// concrete subclasses (named themselves or by inheritance), each with the class to read it from.
    func concreteBlocks(for projectClass: ProjectClass) -> [(name: String, projectClass: ProjectClass)] {
        if let name = blockName(of: projectClass) { return [(name, projectClass)] }
        var result: [(String, ProjectClass)] = []
        var seen: Set<String> = []
        // Subclasses in load order: for each name, the first one that has it (the lifecycle nearest the reference).
        for subclass in subclasses(of: projectClass) {
            if let name = blockName(of: subclass), seen.insert(name).inserted { result.append((name, subclass)) }
        }
        return result
    }

    // MARK: - Constants

    /// A string constant: a literal, a name bound to one (across modules), an enum member's `.value`/`.name`, or a
    /// member of a str-based enum.
    func string(_ expression: PythonExpression, in module: ProjectModule, depth: Int = 0) -> String? {
        guard depth < 16 else { return nil }
        switch expression {
        case .string(let value): return value
        case .number(let text): return Self.normalizedNumber(text)
        case .attribute(let base, "value"):
            if let (member, owner) = enumMember(base, in: module) {
                return string(member.value, in: owner.module, depth: depth + 1)
            }
        case .attribute(let base, "name"):
            if let (member, _) = enumMember(base, in: module) { return member.name }
        default: break
        }
        if let (member, owner) = enumMember(expression, in: module), kind(of: owner).isStringBased {
            return string(member.value, in: owner.module, depth: depth + 1)
        }
        if case .value(let value, let owner)? = names.resolve(expression, in: module) {
            return string(value, in: owner, depth: depth + 1)
        }
        return nil
    }

    /// An integer constant: a literal, a name bound to one, `-x`, or `+ - *` of such.
    func integer(_ expression: PythonExpression, in module: ProjectModule, depth: Int = 0) -> Int? {
        guard depth < 16 else { return nil }
        switch expression {
        case .number(let text): return Int(text.replacingOccurrences(of: "_", with: ""))
        case .unary("-", let operand): return integer(operand, in: module, depth: depth + 1).map { -$0 }
        case .unary("+", let operand): return integer(operand, in: module, depth: depth + 1)
        case .binary(let left, let op, let right) where ["+", "-", "*"].contains(op):
            guard let a = integer(left, in: module, depth: depth + 1),
                let b = integer(right, in: module, depth: depth + 1)
            else { return nil }
            return op == "+" ? a + b : op == "-" ? a - b : a * b
        default:
            if case .value(let value, let owner)? = names.resolve(expression, in: module) {
                return integer(value, in: owner, depth: depth + 1)
            }
            return nil
        }
    }

    /// `Enum.MEMBER` → the member's assignment and the enum class.
    func enumMember(
        _ expression: PythonExpression, in module: ProjectModule
    ) -> ((name: String, value: PythonExpression, line: Int), ProjectClass)? {
        guard case .attribute(let base, let memberName) = expression,
            case .projectClass(let enumClass)? = names.resolve(base, in: module), kind(of: enumClass).isEnum,
            let member = enumMembers(of: enumClass).first(where: { $0.name == memberName })
        else { return nil }
        return (member, enumClass)
    }

    /// Members in definition order: plain assignments that are not dunder or sunder names.
    func enumMembers(of enumClass: ProjectClass) -> [(name: String, value: PythonExpression, line: Int)] {
        enumClass.attributes.filter { member in
            !(member.name.hasPrefix("__") && member.name.hasSuffix("__"))
                && !(member.name.hasPrefix("_") && member.name.hasSuffix("_") && member.name.count > 2)
        }
    }

    /// `str()` of each member; nil when a value is not known without running Python (`auto()`), so that no one
    /// checks answers against an incomplete list.
    func enumValues(of enumClass: ProjectClass) -> [String]? {
        var values: [String] = []
        for member in enumMembers(of: enumClass) {
            if case .call(let function, _, _) = member.value, function.dottedName?.hasSuffix("auto") == true {
                modules.diagnose(
                    enumClass.module.file, member.line,
                    "enum member \(enumClass.name).\(member.name) uses auto(); its value is not known without running Python, so the enum's values are not listed",
                    incomplete: false)
                return nil
            }
            guard let value = string(member.value, in: enumClass.module) else {
                modules.diagnose(
                    enumClass.module.file, member.line,
                    "cannot evaluate enum member \(enumClass.name).\(member.name); the enum's values are not listed",
                    incomplete: false)
                return nil
            }
            values.append(value)
        }
        return values
    }

    /// Python's `str()` of an int or float literal (`1_000` → `1000`, `0x10` → `16`).
    static func normalizedNumber(_ text: String) -> String {
        let plain = text.replacingOccurrences(of: "_", with: "")
        let lower = plain.lowercased()
        if lower.hasPrefix("0x"), let value = Int(lower.dropFirst(2), radix: 16) { return String(value) }
        if lower.hasPrefix("0o"), let value = Int(lower.dropFirst(2), radix: 8) { return String(value) }
        if lower.hasPrefix("0b"), let value = Int(lower.dropFirst(2), radix: 2) { return String(value) }
        if let value = Int(plain) { return String(value) }
        return plain
    }
}
