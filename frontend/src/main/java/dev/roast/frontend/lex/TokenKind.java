package dev.roast.frontend.lex;

import java.util.HashMap;
import java.util.Map;

/** Every kind of token the lexer produces, with the source text of keywords and operators. */
public enum TokenKind {
    // Tokens whose text varies; their value is in Token.value.
    NAME(Category.VALUE, null),
    INT(Category.VALUE, null),
    FLOAT(Category.VALUE, null),
    STRING(Category.VALUE, null),
    /** The prefix and opening quote of an f-string; its parts, fields and FSTRING_END follow. */
    FSTRING_START(Category.VALUE, null),
    /** Literal text of an f-string (or of a format spec), escapes already decoded. */
    FSTRING_MIDDLE(Category.VALUE, null),
    FSTRING_END(Category.VALUE, null),

    // Layout.
    NEWLINE(Category.LAYOUT, null),
    INDENT(Category.LAYOUT, null),
    DEDENT(Category.LAYOUT, null),
    EOF(Category.LAYOUT, null),
    /** Stands where the lexer found, and already reported, an error; the parser stays silent about it. */
    ERROR(Category.LAYOUT, null),

    // Python 3.12's hard keywords (match, case, type and _ are soft: they lex as NAME).
    FALSE(Category.KEYWORD, "False"), NONE(Category.KEYWORD, "None"), TRUE(Category.KEYWORD, "True"),
    AND(Category.KEYWORD, "and"), AS(Category.KEYWORD, "as"), ASSERT(Category.KEYWORD, "assert"),
    ASYNC(Category.KEYWORD, "async"), AWAIT(Category.KEYWORD, "await"), BREAK(Category.KEYWORD, "break"),
    CLASS(Category.KEYWORD, "class"), CONTINUE(Category.KEYWORD, "continue"), DEF(Category.KEYWORD, "def"),
    DEL(Category.KEYWORD, "del"), ELIF(Category.KEYWORD, "elif"), ELSE(Category.KEYWORD, "else"),
    EXCEPT(Category.KEYWORD, "except"), FINALLY(Category.KEYWORD, "finally"), FOR(Category.KEYWORD, "for"),
    FROM(Category.KEYWORD, "from"), GLOBAL(Category.KEYWORD, "global"), IF(Category.KEYWORD, "if"),
    IMPORT(Category.KEYWORD, "import"), IN(Category.KEYWORD, "in"), IS(Category.KEYWORD, "is"),
    LAMBDA(Category.KEYWORD, "lambda"), NONLOCAL(Category.KEYWORD, "nonlocal"), NOT(Category.KEYWORD, "not"),
    OR(Category.KEYWORD, "or"), PASS(Category.KEYWORD, "pass"), RAISE(Category.KEYWORD, "raise"),
    RETURN(Category.KEYWORD, "return"), TRY(Category.KEYWORD, "try"), WHILE(Category.KEYWORD, "while"),
    WITH(Category.KEYWORD, "with"), YIELD(Category.KEYWORD, "yield"),

    // Delimiters and operators.
    LPAR(Category.OPERATOR, "("), RPAR(Category.OPERATOR, ")"),
    LSQB(Category.OPERATOR, "["), RSQB(Category.OPERATOR, "]"),
    LBRACE(Category.OPERATOR, "{"), RBRACE(Category.OPERATOR, "}"),
    COMMA(Category.OPERATOR, ","), COLON(Category.OPERATOR, ":"), SEMI(Category.OPERATOR, ";"),
    DOT(Category.OPERATOR, "."), ELLIPSIS(Category.OPERATOR, "..."), ARROW(Category.OPERATOR, "->"),
    AT(Category.OPERATOR, "@"), EQUAL(Category.OPERATOR, "="), COLONEQUAL(Category.OPERATOR, ":="),
    /** Only inside an f-string replacement field, before a conversion (`{x!r}`). */
    EXCLAMATION(Category.OPERATOR, "!"),
    PLUS(Category.OPERATOR, "+"), MINUS(Category.OPERATOR, "-"), STAR(Category.OPERATOR, "*"),
    SLASH(Category.OPERATOR, "/"), DOUBLESLASH(Category.OPERATOR, "//"), PERCENT(Category.OPERATOR, "%"),
    DOUBLESTAR(Category.OPERATOR, "**"), AMPER(Category.OPERATOR, "&"), VBAR(Category.OPERATOR, "|"),
    CIRCUMFLEX(Category.OPERATOR, "^"), TILDE(Category.OPERATOR, "~"),
    LSHIFT(Category.OPERATOR, "<<"), RSHIFT(Category.OPERATOR, ">>"),
    LESS(Category.OPERATOR, "<"), GREATER(Category.OPERATOR, ">"), LESSEQUAL(Category.OPERATOR, "<="),
    GREATEREQUAL(Category.OPERATOR, ">="), EQEQUAL(Category.OPERATOR, "=="), NOTEQUAL(Category.OPERATOR, "!="),
    PLUSEQUAL(Category.OPERATOR, "+="), MINEQUAL(Category.OPERATOR, "-="), STAREQUAL(Category.OPERATOR, "*="),
    SLASHEQUAL(Category.OPERATOR, "/="), DOUBLESLASHEQUAL(Category.OPERATOR, "//="),
    PERCENTEQUAL(Category.OPERATOR, "%="), DOUBLESTAREQUAL(Category.OPERATOR, "**="), ATEQUAL(Category.OPERATOR, "@="),
    AMPEREQUAL(Category.OPERATOR, "&="), VBAREQUAL(Category.OPERATOR, "|="), CIRCUMFLEXEQUAL(Category.OPERATOR, "^="),
    LSHIFTEQUAL(Category.OPERATOR, "<<="), RSHIFTEQUAL(Category.OPERATOR, ">>=");

    /** What sort of token a kind is. */
    public enum Category { VALUE, LAYOUT, KEYWORD, OPERATOR }

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind k : values()) if (k.category == Category.KEYWORD) KEYWORDS.put(k.text, k);
    }

    public final Category category;
    /** The source text of a keyword or operator; null for value and layout tokens. */
    public final String text;

    TokenKind(Category category, String text) {
        this.category = category;
        this.text = text;
    }

    /** The hard keyword spelled {@code word}, or null if it is an identifier. */
    public static TokenKind keyword(String word) {
        return KEYWORDS.get(word);
    }

    public boolean isKeyword() { return category == Category.KEYWORD; }

    /** How messages name a token of this kind when its own text is not at hand. */
    public String describe() {
        if (text != null) return "'" + text + "'";
        return switch (this) {
            case NAME -> "name";
            case INT, FLOAT -> "number";
            case STRING -> "string";
            case FSTRING_START, FSTRING_MIDDLE, FSTRING_END -> "f-string";
            case NEWLINE -> "end of line";
            case INDENT -> "indent";
            case DEDENT -> "dedent";
            case EOF -> "end of file";
            default -> name().toLowerCase();
        };
    }
}
