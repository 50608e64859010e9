package dev.roast.interpreter;

import dev.roast.values.PackedValue;

/** The builtin `print(*values, sep=' ', end='\n', flush=False)`. */
final class Print {
    private Print() {}

    static long call(Runtime rt, long fp, int[] code, int argsAt, int argc, String[] keywords, int keywordsAt) {
        String sep = " ", end = "\n";
        boolean flush = false;
        for (int k = 0; k < keywords.length; k++) {
            long v = Interpreter.slot(fp, code[keywordsAt + k]);
            switch (keywords[k]) {
                case "sep" -> sep = v == PackedValue.NONE ? " " : Repr.str(v);
                case "end" -> end = v == PackedValue.NONE ? "\n" : Repr.str(v);
                case "flush" -> flush = v == PackedValue.TRUE;
                default -> throw new PyError("TypeError", "'" + keywords[k] + "' is an invalid keyword argument for print()");
            }
        }
        var line = new StringBuilder();
        for (int i = 0; i < argc; i++) {
            if (i > 0) line.append(sep);
            line.append(Repr.str(Interpreter.slot(fp, code[argsAt + i])));
        }
        line.append(end);
        rt.out.write(line.toString());
        if (flush) rt.out.flush();
        return PackedValue.NONE;
    }
}
