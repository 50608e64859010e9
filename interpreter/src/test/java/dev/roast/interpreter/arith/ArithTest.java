package dev.roast.interpreter.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roast.interpreter.PyError;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected values and messages are CPython 3.12's (checked with python3.12 when written). */
class ArithTest {
    private static void raises(String type, String message, Runnable r) {
        PyError e = assertThrows(PyError.class, r::run);
        assertEquals(type, e.type());
        assertEquals(message, e.getMessage());
    }

    @Test
    void floorDivisionAndModuloRoundTowardNegativeInfinity() {
        assertEquals(-4, IntArith.floorDiv(-7, 2));
        assertEquals(1, IntArith.mod(-7, 2));
        assertEquals(-1, IntArith.mod(7, -2));
        assertEquals(3, IntArith.floorDiv(7, 2));
        assertEquals(0, IntArith.mod(Long.MIN_VALUE, -1));
    }

    @Test
    void intErrorsCarryCPythonMessages() {
        raises("ZeroDivisionError", "integer division or modulo by zero", () -> IntArith.floorDiv(1, 0));
        raises("ZeroDivisionError", "integer modulo by zero", () -> IntArith.mod(1, 0));
        raises("ZeroDivisionError", "division by zero", () -> IntArith.trueDiv(1, 0));
        raises("ValueError", "negative shift count", () -> IntArith.shiftLeft(1, -1));
        raises("ValueError", "negative shift count", () -> IntArith.shiftRight(1, -1));
        raises("OverflowError", "integer overflow", () -> IntArith.floorDiv(Long.MIN_VALUE, -1));
        raises("OverflowError", "integer overflow", () -> IntArith.neg(Long.MIN_VALUE));
        raises("OverflowError", "integer overflow", () -> IntArith.pow(2, 63));
        raises("OverflowError", "integer overflow", () -> IntArith.shiftLeft(1, 63));
        assertEquals("ValueError", assertThrows(PyError.class, () -> IntArith.pow(10, -1)).type());
    }

    @Test
    void exactResultsThatFitAreKept() {
        assertEquals(Long.MIN_VALUE, IntArith.pow(-2, 63));
        assertEquals(1L << 62, IntArith.shiftLeft(1, 62));
        assertEquals(-1, IntArith.shiftRight(-5, 100));
        assertEquals(0, IntArith.shiftRight(5, 64));
        assertEquals(1, IntArith.pow(0, 0));
        assertEquals(Long.MAX_VALUE, IntArith.add(Long.MAX_VALUE - 1, 1));
    }

    @Test
    void addSubMulAgreeWithBigIntegerOrOverflow() {
        var rnd = new Random(42);
        var min = BigInteger.valueOf(Long.MIN_VALUE);
        var max = BigInteger.valueOf(Long.MAX_VALUE);
        for (int i = 0; i < 200_000; i++) {
            long a = pick(rnd), b = pick(rnd);
            check(BigInteger.valueOf(a).add(BigInteger.valueOf(b)), min, max, () -> IntArith.add(a, b));
            check(BigInteger.valueOf(a).subtract(BigInteger.valueOf(b)), min, max, () -> IntArith.sub(a, b));
            check(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), min, max, () -> IntArith.mul(a, b));
        }
    }

    private static long pick(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextLong();
            case 1 -> r.nextInt();
            case 2 -> (long) r.nextInt(1 << 20) - (1 << 19);
            default -> r.nextBoolean() ? Long.MAX_VALUE - r.nextInt(3) : Long.MIN_VALUE + r.nextInt(3);
        };
    }

    private static void check(BigInteger exact, BigInteger min, BigInteger max, java.util.function.LongSupplier op) {
        if (exact.compareTo(min) < 0 || exact.compareTo(max) > 0) {
            assertEquals("OverflowError", assertThrows(PyError.class, op::getAsLong).type());
        } else {
            assertEquals(exact.longValueExact(), op.getAsLong());
        }
    }

    @Test
    void trueDivisionIsCorrectlyRounded() {
        assertEquals(3.5, IntArith.trueDiv(7, 2));
        assertEquals(-0.5, IntArith.trueDiv(1, -2));
        // Beyond 2^53 the operands are not exact as doubles; CPython rounds the exact quotient once.
        assertEquals(9.223372036854776e18 / 3.0, IntArith.trueDiv(Long.MAX_VALUE, 3), 0.0);
        assertEquals(3.0744573456182584e18, IntArith.trueDiv(Long.MAX_VALUE, 3));
    }

    @Test
    void floatDivisionModuloAndPowerFollowCPython() {
        assertEquals(0.5, FloatArith.mod(-7.5, 2));
        assertEquals(-0.5, FloatArith.mod(7.5, -2));
        assertEquals(0.0, FloatArith.mod(-0.0, 1.0));
        assertEquals(1.0, FloatArith.mod(-1e-20, 1.0));
        assertEquals(10.0, FloatArith.floorDiv(5.0, 0.5));
        assertEquals(-4.0, FloatArith.floorDiv(-7.5, 2));
        raises("ZeroDivisionError", "float division by zero", () -> FloatArith.div(1.0, 0.0));
        raises("ZeroDivisionError", "float floor division by zero", () -> FloatArith.floorDiv(1.0, 0.0));
        raises("ZeroDivisionError", "float modulo", () -> FloatArith.mod(1.0, 0.0));
        raises("ZeroDivisionError", "0.0 cannot be raised to a negative power", () -> FloatArith.pow(0.0, -1));
        raises("OverflowError", "(34, 'Numerical result out of range')", () -> FloatArith.pow(10.0, 400.0));
        assertEquals(1.0, FloatArith.pow(1.0, Double.NaN));
        assertEquals(1.0, FloatArith.pow(Double.NaN, 0.0));
        assertEquals(0.5, FloatArith.pow(2.0, -1.0));
    }
}
