package dev.roast.frontend.diag;

import dev.roast.frontend.source.Span;
import java.util.List;

/** One compile error: code, message, primary span, and optional help/note lines. */
public record Diagnostic(ErrorCode code, String message, Span span, List<String> notes, String help) {
    public Diagnostic(ErrorCode code, String message, Span span) {
        this(code, message, span, List.of(), null);
    }

    public Diagnostic withHelp(String text) {
        return new Diagnostic(code, message, span, notes, text);
    }

    public Diagnostic withNote(String text) {
        var all = new java.util.ArrayList<>(notes);
        all.add(text);
        return new Diagnostic(code, message, span, List.copyOf(all), help);
    }
}
