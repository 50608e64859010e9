package dev.roast.mir;

import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import java.util.List;

/**
 * A MIR instruction: reads registers, writes at most one ({@code dst}), and
 * never transfers control (see {@link Terminator}). Registers are ints; every
 * instruction keeps the source span it came from, for tracebacks.
 */
public sealed interface Insn {
    Span span();

    /** The register written, or -1. */
    default int dst() { return -1; }

    // ---- constants and moves ----
    record LoadInt(int dst, long value, Span span) implements Insn {}

    record LoadFloat(int dst, double value, Span span) implements Insn {}

    record LoadStr(int dst, String value, Span span) implements Insn {}

    record LoadBool(int dst, boolean value, Span span) implements Insn {}

    record LoadNone(int dst, Span span) implements Insn {}

    record Move(int dst, int src, Span span) implements Insn {}

    /** Raises UnboundLocalError unless the local in {@code reg} has been assigned (inserted only where some path skips it). */
    record CheckBound(int reg, String name, Span span) implements Insn {}

    // ---- variables outside the frame ----
    record LoadGlobal(int dst, int index, String name, Span span) implements Insn {}

    record StoreGlobal(int index, int src, String name, Span span) implements Insn {}

    /** Makes a new cell holding {@code src}'s value (src -1: empty, unbound) and puts it in {@code dst}. */
    record NewCell(int dst, int src, Span span) implements Insn {}

    /** Reads the value in the cell held by register {@code cell}; an empty cell raises NameError. */
    record LoadCell(int dst, int cell, String name, Span span) implements Insn {}

    record StoreCell(int cell, int src, Span span) implements Insn {}

    /** The cell at {@code index} of the running closure's captures. */
    record LoadCapture(int dst, int index, Span span) implements Insn {}

    // ---- operators ----
    record Arith(ArithOp op, int dst, int left, int right, Span span) implements Insn {}

    record Unary(UnaryKind op, int dst, int src, Span span) implements Insn {}

    record Compare(CompareKind op, int dst, int left, int right, Span span) implements Insn {}

    /** A value of static type `any` checked to be a {@code type} at run time (TypeError otherwise); ints widen to float. */
    record CheckType(int dst, int src, Type type, Span span) implements Insn {}

    // ---- calls ----
    /** A call whose target is known: a module-level def, a static method, a super() method, an __init__. */
    record CallDirect(int dst, FunctionInfo function, List<Integer> args, Span span) implements Insn {}

    /** A virtual call: the receiver is args.get(0); the target comes from its class's vtable. */
    record CallVirtual(int dst, ClassInfo.Method method, List<Integer> args, Span span) implements Insn {}

    /** A call of a function value (closure, lambda, bound method, or `any`). */
    record CallValue(int dst, int callee, List<Integer> args, Span span) implements Insn {}

    /** `receiver.name(args)` on an `any` receiver. */
    record CallDynamic(int dst, int receiver, String name, List<Integer> args, Span span) implements Insn {}

    /** A builtin or `math` function; keywords are name/register pairs in order. */
    record CallBuiltin(int dst, Builtin builtin, List<Integer> args, List<String> keywordNames, List<Integer> keywordArgs,
                       Span span) implements Insn {}

    record CallBuiltinMethod(int dst, BuiltinMethod method, int receiver, List<Integer> args, List<String> keywordNames,
                             List<Integer> keywordArgs, Span span) implements Insn {}

    // ---- functions, classes, objects ----
    /** A function value; {@code cells} are the registers holding the cells it captures, in its capture order. */
    record MakeFunction(int dst, FunctionInfo function, List<Integer> cells, Span span) implements Insn {}

    /** The class object of a class (classes are static; this only gives it a value). */
    record LoadClass(int dst, ClassInfo cls, Span span) implements Insn {}

    /** A builtin function or type name as a value. */
    record LoadBuiltin(int dst, Builtin builtin, Span span) implements Insn {}

    /** Allocates an instance with every field unassigned; `__init__` is a separate call. */
    record Alloc(int dst, ClassInfo cls, Span span) implements Insn {}

    /** `super().__init__(message)` reaching a built-in exception: records the message (-1: none) on {@code self}. */
    record InitException(int self, int message, Span span) implements Insn {}

    /** A built-in exception instance with an optional message register (-1: none). */
    record NewException(int dst, ClassInfo cls, int message, Span span) implements Insn {}

    /** Reads a field by slot; an unassigned field raises AttributeError. */
    record GetField(int dst, int object, ClassInfo.Field field, Span span) implements Insn {}

    record SetField(int object, ClassInfo.Field field, int src, Span span) implements Insn {}

    /** A class constant, looked up from the receiver's class (receiver -1: from the constant's own class). */
    record GetConstant(int dst, int receiver, ClassInfo.Constant constant, Span span) implements Insn {}

    record SetConstant(int receiver, ClassInfo.Constant constant, int src, Span span) implements Insn {}

    record GetAttr(int dst, int object, String name, Span span) implements Insn {}

    record SetAttr(int object, String name, int src, Span span) implements Insn {}

    record BindMethod(int dst, int receiver, ClassInfo.Method method, Span span) implements Insn {}

    /** A module's value: math's constants (a constant load), `sys.argv` (the run's list, from the runtime). */
    record ModuleConstant(int dst, String module, String name, Span span) implements Insn {}

    // ---- containers and strings ----
    record MakeList(int dst, List<Integer> elements, Span span) implements Insn {}

    record MakeDict(int dst, List<Integer> keys, List<Integer> values, Span span) implements Insn {}

    record GetItem(int dst, ItemKind kind, int object, int index, Span span) implements Insn {}

    record SetItem(ItemKind kind, int object, int index, int src, Span span) implements Insn {}

    record DelItem(ItemKind kind, int object, int index, Span span) implements Insn {}

    /** `x op= y` on a list in place (`+=` extends, `*=` repeats), as Python does. */
    record ListInPlace(ArithOp op, int list, int other, Span span) implements Insn {}

    /** One f-string field: {@code src} converted (0, 'r', 's', 'a') and formatted with spec register (-1: none). */
    record FormatValue(int dst, int src, char conversion, int spec, Span span) implements Insn {}

    /** Concatenates string registers (an f-string). */
    record BuildString(int dst, List<Integer> parts, Span span) implements Insn {}

    /** Starts iterating a list, str, dict, view or `any` value. */
    record IterStart(int dst, int iterable, Span span) implements Insn {}
}
