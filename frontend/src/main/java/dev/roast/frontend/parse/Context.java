package dev.roast.frontend.parse;

/**
 * What encloses the code being parsed; it decides where return, break, continue, yield, await
 * and nonlocal may appear (E0011). A def, lambda or class body starts afresh: a loop outside it
 * does not count.
 */
record Context(Scope scope, boolean inLoop) {

    enum Scope { MODULE, CLASS, FUNCTION }

    static final Context TOP_LEVEL = new Context(Scope.MODULE, false);
    static final Context CLASS_BODY = new Context(Scope.CLASS, false);
    static final Context FUNCTION_BODY = new Context(Scope.FUNCTION, false);

    Context loop() {
        return new Context(scope, true);
    }

    boolean inFunction() {
        return scope == Scope.FUNCTION;
    }
}
