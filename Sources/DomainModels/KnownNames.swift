import PythonSource

/// What a name from outside the project is, as far as the model reader is concerned.
enum ExternalName: Equatable, Sendable {
    /// `TypeVar(...)`: a type variable (`SI`, `T`), bound where a generic alias or list class is subscripted.
    case typeVariable
    /// `ProductBlockModel`: a class deriving from it is a product block.
    case productBlockBase
    /// `SubscriptionModel`: a class deriving from it is a product.
    case productBase
    /// `DomainModel`, the common base of both: used as a field type it says nothing about which block.
    case domainModelBase
    /// pydantic v1's `SubscriptionInstanceList[SI]`: a constrained list of blocks.
    case instanceListBase
    /// An enum base class (`Enum`, `strEnum`, ...); `stringBased` when its members are strings.
    case enumBase(stringBased: Bool)
    /// A type that is positively not a domain model: builtins, `datetime`, `UUID`, `ipaddress`, pydantic's
    /// constrained scalars, orchestrator-core's scalar types and enums. A field of this type is a resource type
    /// (or a fixed input).
    case scalar
    /// A generic whose arguments are never product blocks as far as orchestrator-core is concerned (`dict[...]`,
    /// `Literal[...]`, `Callable[...]`, `ClassVar[...]`): the field is a resource type.
    case scalarGeneric
    /// `Optional[X]` and `Union[X, Y]`.
    case union
    /// `list[X]` and its relatives: a list of the item type.
    case list
    /// `Annotated[X, metadata...]`.
    case annotated
    /// pydantic's `conlist(X, ...)`.
    case constrainedListFunction
    /// pydantic's `conint(...)`, `constr(...)`, ...: a constrained scalar.
    case constrainedScalarFunction
    /// `typing.NewType("Name", base)`: the base decides.
    case newType
    /// `typing.TypeVar`: calling it defines a type variable.
    case typeVarFactory
    /// `typing.Generic` and `object`: bases that say nothing about what a class is.
    case neutralBase
}

/// The one table of names the model reader knows from outside the project: orchestrator-core's public names
/// across versions 1.x–5.x (module paths `orchestrator.*` up to 4.x, `orchestrator.core.*` from 5.x), the
/// `typing` module, the standard library's scalar types, pydantic (v1 and v2), `annotated_types`,
/// `pydantic_forms` and `nwastdlib`.
///
/// The names were read off the wheels of orchestrator-core 1.3.4, 2.10.0, 3.2.0, 4.7.1 and 5.5.0 (each module's
/// top-level definitions and the names it imports, which Python lets a model module import from it too). A name
/// not in this table is unknown: a field whose type needs it is left out with a diagnostic, never guessed
/// (docs/decisions.md, "Model reader on real projects").
enum KnownNames {
    /// What `qualified` (`orchestrator.core.types.SI`, `typing.Optional`) is, or nil when it is not known.
    static func lookup(_ qualified: String) -> ExternalName? {
        table[qualified]
    }

    /// Builtin names that are types, and what they are. Other builtins (`len`, `isinstance`) are no types.
    static func builtin(_ name: String) -> ExternalName? {
        builtinTypes[name]
    }

    private static let builtinTypes: [String: ExternalName] = [
        "int": .scalar, "str": .scalar, "bool": .scalar, "float": .scalar, "bytes": .scalar, "complex": .scalar,
        "bytearray": .scalar, "list": .list, "set": .list, "frozenset": .list, "tuple": .list, "dict": .scalarGeneric,
        "type": .scalarGeneric, "object": .neutralBase,
    ]

    // MARK: - The table

    private static let typing: [String: ExternalName] = [
        "Optional": .union, "Union": .union,
        "List": .list, "Sequence": .list, "MutableSequence": .list, "Iterable": .list, "Collection": .list,
        "Set": .list, "FrozenSet": .list, "AbstractSet": .list, "MutableSet": .list, "Tuple": .list,
        "Annotated": .annotated,
        "Dict": .scalarGeneric, "Mapping": .scalarGeneric, "MutableMapping": .scalarGeneric,
        "DefaultDict": .scalarGeneric, "OrderedDict": .scalarGeneric, "Literal": .scalarGeneric,
        "Callable": .scalarGeneric, "Type": .scalarGeneric, "ClassVar": .scalarGeneric, "Final": .scalarGeneric,
        "Any": .scalar, "Hashable": .scalar, "Pattern": .scalar, "LiteralString": .scalar,
        "NewType": .newType, "TypeVar": .typeVarFactory, "Generic": .neutralBase, "Protocol": .neutralBase,
    ]

    private static let collectionsAbc: [String: ExternalName] = [
        "Sequence": .list, "MutableSequence": .list, "Iterable": .list, "Collection": .list, "Set": .list,
        "MutableSet": .list, "Mapping": .scalarGeneric, "MutableMapping": .scalarGeneric, "Callable": .scalarGeneric,
        "Hashable": .scalar,
    ]

    private static let standardLibrary: [String: [String: ExternalName]] = [
        "datetime": ["datetime": .scalar, "date": .scalar, "time": .scalar, "timedelta": .scalar, "timezone": .scalar],
        "uuid": ["UUID": .scalar],
        "decimal": ["Decimal": .scalar],
        "fractions": ["Fraction": .scalar],
        "pathlib": ["Path": .scalar, "PurePath": .scalar, "PurePosixPath": .scalar],
        "ipaddress": [
            "IPv4Address": .scalar, "IPv6Address": .scalar, "IPv4Network": .scalar, "IPv6Network": .scalar,
            "IPv4Interface": .scalar, "IPv6Interface": .scalar,
        ],
        "enum": [
            "Enum": .enumBase(stringBased: false), "IntEnum": .enumBase(stringBased: false),
            "StrEnum": .enumBase(stringBased: true), "Flag": .enumBase(stringBased: false),
            "IntFlag": .enumBase(stringBased: false),
        ],
        "collections": ["OrderedDict": .scalarGeneric, "defaultdict": .scalarGeneric, "deque": .list],
        "re": ["Pattern": .scalar],
    ]

    /// pydantic v2 (`pydantic`, `pydantic.types`, `pydantic.networks`) and v1 (also as `pydantic.v1`).
    private static let pydantic: [String: ExternalName] = [
        "BaseModel": .scalar, "RootModel": .scalar, "Json": .scalarGeneric, "SecretStr": .scalar,
        "SecretBytes": .scalar, "StrictStr": .scalar, "StrictInt": .scalar, "StrictFloat": .scalar,
        "StrictBool": .scalar, "StrictBytes": .scalar, "PositiveInt": .scalar, "NegativeInt": .scalar,
        "NonNegativeInt": .scalar, "NonPositiveInt": .scalar, "PositiveFloat": .scalar, "NegativeFloat": .scalar,
        "NonNegativeFloat": .scalar, "NonPositiveFloat": .scalar, "FiniteFloat": .scalar, "EmailStr": .scalar,
        "NameEmail": .scalar, "AnyUrl": .scalar, "AnyHttpUrl": .scalar, "HttpUrl": .scalar, "FileUrl": .scalar,
        "PostgresDsn": .scalar, "IPvAnyAddress": .scalar, "IPvAnyInterface": .scalar, "IPvAnyNetwork": .scalar,
        "UUID1": .scalar, "UUID3": .scalar, "UUID4": .scalar, "UUID5": .scalar, "PastDate": .scalar,
        "FutureDate": .scalar, "PastDatetime": .scalar, "FutureDatetime": .scalar, "AwareDatetime": .scalar,
        "NaiveDatetime": .scalar, "ByteSize": .scalar, "FilePath": .scalar, "DirectoryPath": .scalar,
        "ConstrainedInt": .scalar, "ConstrainedStr": .scalar, "ConstrainedFloat": .scalar,
        "ConstrainedDecimal": .scalar, "ConstrainedBytes": .scalar, "ConstrainedDate": .scalar,
        "conint": .constrainedScalarFunction, "constr": .constrainedScalarFunction,
        "confloat": .constrainedScalarFunction, "condecimal": .constrainedScalarFunction,
        "conbytes": .constrainedScalarFunction, "condate": .constrainedScalarFunction,
        "conset": .constrainedScalarFunction, "confrozenset": .constrainedScalarFunction,
        "conlist": .constrainedListFunction,
    ]

    /// Names a model module imports from orchestrator-core, per module. Each module is listed under its 1.x–4.x
    /// path and its 5.x path (`orchestrator.core.`).
    private static let orchestratorCore: [String: [String: ExternalName]] = [
        "types": [
            "SI": .typeVariable, "SubscriptionLifecycle": .enumBase(stringBased: true),
            "strEnum": .enumBase(stringBased: true), "UUIDstr": .scalar, "State": .scalarGeneric, "JSON": .scalar,
            "AcceptItemType": .enumBase(stringBased: true), "SubscriptionMapping": .scalarGeneric,
            // Re-exported from typing by the module itself.
            "Optional": .union, "Union": .union, "Annotated": .annotated, "Literal": .scalarGeneric, "Any": .scalar,
            "TypeVar": .typeVarFactory, "UUID": .scalar,
        ],
        "domain.base": [
            "ProductBlockModel": .productBlockBase, "SubscriptionModel": .productBase,
            "DomainModel": .domainModelBase, "SubscriptionInstanceList": .instanceListBase,
            "SI": .typeVariable, "T": .typeVariable, "S": .typeVariable, "B": .typeVariable,
            "SubscriptionLifecycle": .enumBase(stringBased: true), "UUIDstr": .scalar, "State": .scalarGeneric,
            "UUID": .scalar, "datetime": .scalar, "ProductLifecycle": .enumBase(stringBased: true),
            "Optional": .union, "Union": .union, "List": .list, "ClassVar": .scalarGeneric, "Any": .scalar,
            "TypeVar": .typeVarFactory,
        ],
        "domain": ["SubscriptionModel": .productBase],
        "domain.lifecycle": [
            "ProductLifecycle": .enumBase(stringBased: true), "SubscriptionLifecycle": .enumBase(stringBased: true),
            "strEnum": .enumBase(stringBased: true), "T": .typeVariable,
        ],
        "utils.vlans": ["VlanRanges": .scalar],
        "utils.functional": ["T": .typeVariable, "K": .typeVariable, "V": .typeVariable],
        "utils.helpers": ["T": .typeVariable],
        "utils.datetime": ["datetime": .scalar],
        "targets": ["Target": .enumBase(stringBased: true)],
    ]

    private static let otherPackages: [String: [String: ExternalName]] = [
        "annotated_types": [:],  // metadata only (Len, Ge, ...): never a field type
        "pydantic_forms.types": [
            "strEnum": .enumBase(stringBased: true), "UUIDstr": .scalar, "State": .scalarGeneric, "JSON": .scalar,
            "AcceptItemType": .enumBase(stringBased: true), "T": .typeVariable,
        ],
        "nwastdlib.vlans": ["VlanRanges": .scalar],
        "nwastdlib": ["VlanRanges": .scalar],
    ]

    private static let table: [String: ExternalName] = {
        var table: [String: ExternalName] = [:]
        func add(_ module: String, _ names: [String: ExternalName]) {
            for (name, kind) in names { table[module + "." + name] = kind }
        }
        add("typing", typing)
        add("typing_extensions", typing)
        add("collections.abc", collectionsAbc)
        for (module, names) in standardLibrary { add(module, names) }
        for module in ["pydantic", "pydantic.types", "pydantic.networks", "pydantic.v1", "pydantic.v1.types"] {
            add(module, pydantic)
        }
        for (module, names) in orchestratorCore {
            add("orchestrator." + module, names)
            add("orchestrator.core." + module, names)
        }
        for (module, names) in otherPackages { add(module, names) }
        return table
    }()
}
