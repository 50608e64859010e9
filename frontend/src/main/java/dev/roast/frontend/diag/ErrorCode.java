package dev.roast.frontend.diag;

/**
 * Every compile-time error Roast reports, with its code and a short title.
 * The primary span of each is fixed here so tests can name a position
 * (`# error: LINE:COL CODE` in test-suite/compile-error/).
 */
public enum ErrorCode {
    // --- lexical and syntax errors: reported by the lexer and parser; checking does not start ---
    /** An unexpected token. Span: the token. */
    SYNTAX("E0001", "invalid syntax"),
    /** A tab character in a line's indentation. Span: the tab. */
    TAB_INDENT("E0002", "tab in indentation"),
    /** Unexpected indent, unindent to no outer level, missing indented block. Span: first token of the line. */
    INDENTATION("E0003", "inconsistent indentation"),
    /** A string or f-string not closed before the end of line (or file, for triple quotes). Span: the opening quote. */
    UNTERMINATED_STRING("E0004", "unterminated string literal"),
    /** A malformed number (`0x`, `1__0`, `09`, `1e`). Span: the literal. */
    BAD_NUMBER("E0005", "invalid number literal"),
    /** An integer literal outside signed 64 bits. Span: the literal (with its minus sign, if negated). */
    INT_TOO_LARGE("E0006", "integer literal too large"),
    /** A backslash escape Python does not know (`"\d"`). Span: the backslash. */
    BAD_ESCAPE("E0007", "invalid escape sequence"),
    /** A character that cannot start a token (`$`, `?`, a lone `!`). Span: the character. */
    BAD_CHARACTER("E0008", "invalid character"),
    /** An f-string with an unmatched brace or an empty field. Span: the brace. */
    BAD_FSTRING("E0009", "invalid f-string"),
    /** Assignment to something that cannot be assigned (`1 = x`, `f() = 2`). Span: the target. */
    BAD_TARGET("E0010", "invalid assignment target"),
    /** `return` outside a function, `break`/`continue` outside a loop, `nonlocal` at module level. Span: the keyword. */
    OUTSIDE_CONTEXT("E0011", "statement outside its context"),
    /** Duplicate parameter, non-default parameter after a default one. Span: the parameter. */
    BAD_PARAMETERS("E0012", "invalid parameter list"),

    // --- unsupported features ---
    /** A [full] construct the checker does not support yet. Span: the construct (its keyword or first token). */
    NOT_SUPPORTED_YET("E0100", "not supported yet"),
    /** A Python feature Roast leaves out (spec §13 item 4, reserved keywords). Span: the construct's keyword or first token. */
    NOT_SUPPORTED("E0101", "not supported in Roast"),

    // --- names ---
    /** A name with no binding in any enclosing scope or the builtins. Span: the name. */
    UNDEFINED_NAME("E0425", "undefined name"),
    /** `import x` of a module that does not exist. Span: the module name. */
    UNKNOWN_MODULE("E0426", "unknown module"),
    /** A second `def`/`class` of a name already defined in the same scope, or a duplicate field. Span: the second name. */
    DUPLICATE_DEFINITION("E0428", "duplicate definition"),
    /** `global`/`nonlocal` misuse: no enclosing binding, name used before the declaration. Span: the name in the declaration. */
    BAD_SCOPE_DECLARATION("E0429", "invalid global or nonlocal declaration"),
    /** Assignment to an attribute the class does not declare (spec §7). Span: the attribute name. */
    UNDECLARED_ATTRIBUTE("E0430", "assignment to an undeclared attribute"),

    // --- types ---
    /** A value of the wrong type: assignment, argument, return, operator operands, condition. Span: the offending expression. */
    MISMATCHED_TYPES("E0308", "mismatched types"),
    /** A call with too few or too many arguments. Span: the whole call. */
    ARGUMENT_COUNT("E0061", "wrong number of arguments"),
    /** A keyword argument that names no parameter, or names one twice. Span: the keyword argument. */
    BAD_KEYWORD("E0062", "invalid keyword argument"),
    /** A function whose declared result is not None can end without `return`. Span: the function's name. */
    MISSING_RETURN("E0069", "missing return"),
    /** Assignment to a function, class, method, module or loop-invariant name that cannot be rebound. Span: the target. */
    CANNOT_ASSIGN("E0070", "cannot assign to this"),
    /** An annotation that names no type or is not a type expression. Span: the annotation. */
    UNKNOWN_TYPE("E0412", "unknown type"),
    /** An attribute or method the static type does not have. Span: the attribute name. */
    NO_ATTRIBUTE("E0599", "no such attribute"),
    /** A call of something that is not callable. Span: the callee. */
    NOT_CALLABLE("E0618", "not callable"),
    /** Indexing (or item assignment) on a type that does not support it. Span: the whole subscript. */
    NOT_INDEXABLE("E0608", "cannot be indexed"),
    /** A `for` or `in` over a type that is not iterable. Span: the iterable. */
    NOT_ITERABLE("E0277", "not iterable"),
    /** A method whose signature is incompatible with the one it overrides. Span: the method's name. */
    BAD_OVERRIDE("E0053", "incompatible override"),
    /** A special method (`__init__`, `__str__`, ...) with the wrong signature or result. Span: the method's name. */
    BAD_SPECIAL_METHOD("E0054", "invalid special method"),
    /** `super()` outside a method of a class with a base, or with arguments. Span: the call. */
    BAD_SUPER("E0614", "invalid super()"),
    /** A base class that is not a class, or a class that inherits from itself. Span: the base expression. */
    BAD_BASE("E0055", "invalid base class");

    private final String code;
    private final String title;

    ErrorCode(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() { return code; }

    public String title() { return title; }
}
