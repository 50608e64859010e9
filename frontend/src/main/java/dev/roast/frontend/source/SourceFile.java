package dev.roast.frontend.source;

import java.util.Arrays;

/** One source file's name and text, with offset-to-line/column mapping. */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        // indexOf is one vectorised JDK loop; a charAt loop is slow before the JIT has compiled it.
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int count = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count++] = nl + 1;
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    public String name() { return name; }

    public String text() { return text; }

    public int lineCount() { return lineStarts.length; }

    /** 1-based line of a char offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of a char offset, counted in code points as editors do. */
    public int column(int offset) {
        int start = lineStarts[line(offset) - 1];
        return text.codePointCount(start, Math.min(offset, text.length())) + 1;
    }

    /** The text of a 1-based line, without its line terminator. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.substring(start, Math.max(start, end));
    }

    public int lineStart(int line) { return lineStarts[line - 1]; }

    /** "file:line:col" of an offset, the form every message uses. */
    public String position(int offset) {
        return name + ":" + line(offset) + ":" + column(offset);
    }
}
