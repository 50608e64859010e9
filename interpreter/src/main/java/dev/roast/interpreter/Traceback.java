package dev.roast.interpreter;

import dev.roast.frontend.source.SourceFile;
import java.util.List;

/** Formats an uncaught exception as Python does (spec §8), outermost frame first. */
final class Traceback {
    private Traceback() {}

    static String format(RoastException e, SourceFile file) {
        var sb = new StringBuilder("Traceback (most recent call last):\n");
        List<TraceFrame> frames = e.frames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            TraceFrame f = frames.get(i);
            int line = f.sourceOffset() < 0 ? 0 : file.line(Math.min(f.sourceOffset(), file.text().length()));
            sb.append("  File \"").append(file.name()).append("\", line ").append(line).append(", in ").append(f.function()).append('\n');
        }
        sb.append(e.typeName());
        if (e.getMessage() != null && !e.getMessage().isEmpty()) sb.append(": ").append(e.getMessage());
        return sb.append('\n').toString();
    }
}
