package dev.roast.frontend.diag;

import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors found in one source file, in the order of their position.
 * Stops recording past {@link #CAP}; {@link #truncated()} then says so.
 */
public final class Diagnostics {
    public static final int CAP = 50;

    private final SourceFile file;
    private final List<Diagnostic> list = new ArrayList<>();
    private int dropped;
    private int muted;

    public Diagnostics(SourceFile file) {
        this.file = file;
    }

    public SourceFile file() { return file; }

    public Diagnostic error(ErrorCode code, Span span, String message) {
        var d = new Diagnostic(code, message, span);
        add(d);
        return d;
    }

    public void add(Diagnostic d) {
        if (muted > 0) return;
        for (Diagnostic e : list) {
            if (e.span().equals(d.span()) && e.code() == d.code()) return; // one report per place
        }
        if (list.size() >= CAP) {
            dropped++;
            return;
        }
        list.add(d);
    }

    /** Replaces the last added diagnostic, used to attach help/notes after the fact. */
    public void amendLast(Diagnostic d) {
        if (muted > 0 || list.isEmpty()) return;
        list.set(list.size() - 1, d);
    }

    /** While muted (nestable), errors are dropped: used for speculative checking. */
    public void mute() { muted++; }

    public void unmute() { muted--; }

    public boolean hasErrors() { return !list.isEmpty() || dropped > 0; }

    public int count() { return list.size() + dropped; }

    public int truncated() { return dropped; }

    public List<Diagnostic> sorted() {
        var copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()));
        return copy;
    }
}
