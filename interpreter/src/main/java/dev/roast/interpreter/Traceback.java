package dev.roast.interpreter;

import dev.roast.frontend.source.SourceFile;
import java.util.List;

/** Formats an uncaught exception as Python does (spec §8), outermost frame first. */
final class Traceback {
    private Traceback() {}

    static String format(RoastException e, SourceFile file) {
        var sb = new StringBuilder("Traceback (most recent call last):\n");
        List<TraceFrame> frames = e.frames();
        String previous = null;
        int repeats = 0;
        for (int i = frames.size() - 1; i >= 0; i--) {
            TraceFrame f = frames.get(i);
            int line = f.sourceOffset() < 0 ? 0 : file.line(Math.min(f.sourceOffset(), file.text().length()));
            String text = "  File \"" + file.name() + "\", line " + line + ", in " + f.function() + "\n";
            // As CPython: the same line three times in a row, then a count instead of the rest.
            if (text.equals(previous)) {
                if (++repeats >= 3) continue;
            } else {
                appendRepeats(sb, repeats);
                repeats = 0;
                previous = text;
            }
            sb.append(text);
        }
        appendRepeats(sb, repeats);
        sb.append(e.typeName());
        if (e.getMessage() != null && !e.getMessage().isEmpty()) sb.append(": ").append(e.getMessage());
        return sb.append('\n').toString();
    }

    private static void appendRepeats(StringBuilder sb, int repeats) {
        if (repeats >= 3) {
            int more = repeats - 2;
            sb.append("  [Previous line repeated ").append(more).append(" more time").append(more == 1 ? "" : "s").append("]\n");
        }
    }
}
