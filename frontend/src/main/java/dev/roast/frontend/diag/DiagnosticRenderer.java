package dev.roast.frontend.diag;

import dev.roast.frontend.source.SourceFile;

/**
 * Renders diagnostics in the style of spec §14:
 * <pre>
 * error[E0308]: cannot add 'str' and 'int'
 *  --> deploy.roast:3:9
 *   |
 * 3 |     x = "a" + 1
 *   |         ^^^^^^^
 * </pre>
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {}

    public static String render(Diagnostics diags) {
        var out = new StringBuilder();
        for (Diagnostic d : diags.sorted()) {
            out.append(render(diags.file(), d)).append('\n');
        }
        int n = diags.count();
        if (diags.truncated() > 0) {
            out.append("note: ").append(diags.truncated()).append(" more errors not shown\n");
        }
        out.append("error: could not compile '").append(diags.file().name()).append("' due to ")
           .append(n == 1 ? "1 previous error" : n + " previous errors").append('\n');
        return out.toString();
    }

    public static String render(SourceFile file, Diagnostic d) {
        int start = Math.min(d.span().start(), file.text().length());
        int line = file.line(start);
        int col = file.column(start);
        String text = file.lineText(line);
        String gutterNum = Integer.toString(line);
        String pad = " ".repeat(gutterNum.length());

        // The caret run covers the span on the first line only (multi-line spans stop at line end).
        int lineStart = file.lineStart(line);
        int endOnLine = Math.min(d.span().end(), lineStart + text.length());
        int caretCount = Math.max(1, text.codePointCount(Math.min(start - lineStart, text.length()),
                Math.max(start - lineStart, Math.min(endOnLine - lineStart, text.length()))));
        String lead = expandTabs(text.substring(0, Math.min(start - lineStart, text.length())))
                .replaceAll("[^ ]", " ");

        var sb = new StringBuilder();
        sb.append("error[").append(d.code().code()).append("]: ").append(d.message()).append('\n');
        sb.append(pad).append("--> ").append(file.name()).append(':').append(line).append(':').append(col).append('\n');
        sb.append(pad).append(" |\n");
        sb.append(gutterNum).append(" | ").append(expandTabs(text)).append('\n');
        sb.append(pad).append(" | ").append(lead).append("^".repeat(caretCount)).append('\n');
        for (String note : d.notes()) sb.append(pad).append(" = note: ").append(note).append('\n');
        if (d.help() != null) sb.append(pad).append(" = help: ").append(d.help()).append('\n');
        return sb.toString();
    }

    private static String expandTabs(String s) {
        return s.replace("\t", "    ");
    }
}
