import PythonSource

/// A base class as written, resolved.
enum ResolvedBase {
    case project(ProjectClass, typeArguments: [PythonExpression])
    /// Outside the project, by qualified name (`orchestrator.core.domain.base.ProductBlockModel`, `str`), with
    /// what `KnownNames` knows of it (nil: an unknown name).
    case external(ExternalName?, qualified: String, typeArguments: [PythonExpression])
    /// The base as written, which could not be resolved.
    case unresolved(String)
}

/// What a class is, for the model reader.
struct ClassKind {
    var isProductBlock = false
    var isProduct = false
    var isEnum = false
    /// A pydantic-v1 `SubscriptionInstanceList` subclass.
    var isInstanceList = false
    /// Derives from `str` (a str enum's members are their values).
    var isStringBased = false
    /// A base (direct or inherited) that the reader does not know, as written or qualified; or a note that the
    /// class inherits from itself. Such a class could be anything, so a field of its type cannot be classified.
    var unknownBase: String?
}

extension ProjectClass {
    /// The class's own fields as pydantic names them: the annotated attributes, a `Field(..., alias="x")` default
    /// renaming the field (`serialization_alias` does not).
    var fields: [(name: String, annotation: PythonExpression, line: Int)] {
        annotated.map { attribute in
            (Self.alias(in: attribute.value) ?? attribute.name, attribute.annotation, attribute.line)
        }
    }

    private static func alias(in value: PythonExpression?) -> String? {
        guard case .call(let function, _, let keywords)? = value,
            function.dottedName?.split(separator: ".").last == "Field"
        else { return nil }
        for keyword in keywords where keyword.name == "alias" {
            if case .string(let alias) = keyword.value { return alias }
        }
        return nil
    }
}
