package dev.roast.mir;

import dev.roast.frontend.source.Span;

/** How a basic block ends: the only MIR instructions that transfer control. */
public sealed interface Terminator {
    Span span();

    record Jump(int target, Span span) implements Terminator {}

    /** {@code condition} must be a bool register. */
    record Branch(int condition, int ifTrue, int ifFalse, Span span) implements Terminator {}

    /** {@code value} -1 returns None. */
    record Return(int value, Span span) implements Terminator {}

    /** Raises the exception in {@code exception} (an instance, or a class to instantiate). */
    record Raise(int exception, Span span) implements Terminator {}

    /** `assert` failed: raises AssertionError with the message register (-1: none). */
    record RaiseAssertion(int message, Span span) implements Terminator {}

    /** Advances {@code iterator}: the next element into {@code dst} and on to {@code body}, or to {@code exit} when done. */
    record IterNext(int iterator, int dst, int body, int exit, Span span) implements Terminator {}
}
