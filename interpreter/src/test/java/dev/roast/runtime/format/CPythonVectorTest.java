package dev.roast.runtime.format;

import org.junit.jupiter.api.Test;

/** Every vector CPython 3.12 generated (gen_vectors.py) must come out exactly the same. */
class CPythonVectorTest {

    @Test
    void reprOfDoubles() {
        Vectors vectors = Vectors.checking("repr.txt.gz");
        for (String[] row : vectors.read()) {
            String expected = row[0];
            vectors.check(expected, "=" + expected, () -> FloatRepr.repr(Vectors.parseDouble(expected)));
        }
        vectors.assertAllPassed(100_000);
    }

    @Test
    void formatOfNumbersAndStrings() {
        Vectors vectors = Vectors.checking("format.txt.gz");
        for (String[] row : vectors.read()) {
            String kind = row[0];
            String value = row[1];
            String spec = row[2];
            vectors.check("format(" + kind + " " + value + ", '" + spec + "')", row[3], () -> switch (kind) {
                case "i" -> NumberFormat.format(Long.parseLong(value), spec);
                case "f" -> NumberFormat.format(Vectors.parseDouble(value), spec);
                case "b" -> NumberFormat.format(Boolean.parseBoolean(value.toLowerCase()), spec);
                case "s" -> StringFormat.format(value, spec);
                default -> throw new IllegalStateException(kind);
            });
        }
        vectors.assertAllPassed(50_000);
    }

    @Test
    void round() {
        Vectors vectors = Vectors.checking("round.txt.gz");
        for (String[] row : vectors.read()) {
            switch (row[0]) {
                case "r1" -> vectors.check("round(" + row[1] + ")", row[2],
                        () -> Long.toString(Rounding.round(Vectors.parseDouble(row[1]))));
                case "r2" -> vectors.check("round(" + row[1] + ", " + row[2] + ")", row[3],
                        () -> FloatRepr.repr(Rounding.round(Vectors.parseDouble(row[1]), Long.parseLong(row[2]))));
                case "ri" -> vectors.check("round(" + row[1] + ", " + row[2] + ")", row[3],
                        () -> Long.toString(Rounding.round(Long.parseLong(row[1]), Long.parseLong(row[2]))));
                default -> throw new IllegalStateException(row[0]);
            }
        }
        vectors.assertAllPassed(10_000);
    }

    @Test
    void intAndFloatOfStrings() {
        Vectors vectors = Vectors.checking("parse.txt.gz");
        for (String[] row : vectors.read()) {
            String text = row[1];
            switch (row[0]) {
                case "int" -> vectors.check("int(" + StrRepr.repr(text) + ", " + row[2] + ")", row[3],
                        () -> Long.toString(NumberParse.parseInt(text, Long.parseLong(row[2]))));
                case "float" -> vectors.check("float(" + StrRepr.repr(text) + ")", row[2],
                        () -> FloatRepr.repr(NumberParse.parseFloat(text)));
                default -> throw new IllegalStateException(row[0]);
            }
        }
        vectors.assertAllPassed(10_000);
    }
}
