package dev.roast.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/** Reads the CPython-generated vector files (see gen_vectors.py) and checks outcomes against them. */
final class Vectors {
    private static final int SHOWN_FAILURES = 25;

    private final String name;
    private final List<String> failures = new ArrayList<>();
    private int checked;

    private Vectors(String name) {
        this.name = name;
    }

    static Vectors checking(String name) {
        return new Vectors(name);
    }

    /** The lines of a vector file, each split into its unescaped tab-separated fields. */
    List<String[]> read() {
        InputStream raw = Vectors.class.getResourceAsStream(name);
        assertNotNull(raw, name);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split("\t", -1);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = unescape(fields[i]);
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Compares one vector; {@code actual} gives the result text, or throws a FormatException. */
    void check(String input, String expected, Supplier<String> actual) {
        checked++;
        String got = outcome(actual);
        if (!got.equals(expected) && failures.size() < 1000) {
            failures.add(input + "\n      expected " + expected + "\n      got      " + got);
        }
    }

    /** Fails with the first mismatches, if any; asserts that at least {@code minimum} vectors ran. */
    void assertAllPassed(int minimum) {
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(name + ": " + failures.size() + " of " + checked + " vectors differ:");
            failures.stream().limit(SHOWN_FAILURES).forEach(f -> message.append("\n  ").append(f));
            throw new AssertionError(message.toString());
        }
        if (checked < minimum) {
            assertEquals(minimum, checked, name + ": too few vectors");
        }
    }

    static String outcome(Supplier<String> actual) {
        try {
            return "=" + actual.get();
        } catch (FormatException e) {
            return "!" + e.pythonType() + ": " + e.getMessage();
        }
    }

    /** A double from Python's repr text. */
    static double parseDouble(String repr) {
        return switch (repr) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(repr);
        };
    }

    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (field.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else {
                out.append((char) Integer.parseInt(field.substring(i + 2, i + 6), 16));
                i += 5;
            }
        }
        return out.toString();
    }
}
