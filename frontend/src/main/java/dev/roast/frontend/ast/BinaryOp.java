package dev.roast.frontend.ast;

/** Binary arithmetic and bitwise operators, with their source symbol and the verb diagnostics use. */
public enum BinaryOp {
    ADD("+", "add"), SUB("-", "subtract"), MUL("*", "multiply"), DIV("/", "divide"),
    FLOOR_DIV("//", "floor-divide"), MOD("%", "take the remainder of"), POW("**", "raise"),
    MATMUL("@", "matrix-multiply"),
    BIT_AND("&", "bitwise-and"), BIT_OR("|", "bitwise-or"), BIT_XOR("^", "bitwise-xor"),
    LSHIFT("<<", "shift"), RSHIFT(">>", "shift");

    public final String symbol;
    public final String verb;

    BinaryOp(String symbol, String verb) {
        this.symbol = symbol;
        this.verb = verb;
    }
}
