package dev.roast.interpreter;

import dev.roast.values.PackedValue;

/** The builtin `print(*values, sep=' ', end='\n', flush=False)`. */
final class Print {
    private Print() {}

    static long print(Runtime rt, long[] args, String[] keywords, long[] keywordArgs) {
        String sep = " ", end = "\n";
        boolean flush = false;
        for (int k = 0; k < keywords.length; k++) {
            long v = keywordArgs[k];
            switch (keywords[k]) {
                case "sep" -> sep = v == PackedValue.NONE ? " " : text(rt, v, "sep");
                case "end" -> end = v == PackedValue.NONE ? "\n" : text(rt, v, "end");
                case "flush" -> flush = dev.roast.interpreter.values.Kinds.truth(v);
                default -> throw new PyError("TypeError", "'" + keywords[k] + "' is an invalid keyword argument for print()");
            }
        }
        var line = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) line.append(sep);
            line.append(Repr.str(rt, args[i]));
        }
        line.append(end);
        rt.out.write(line.toString());
        if (flush) rt.out.flush();
        return PackedValue.NONE;
    }

    private static String text(Runtime rt, long v, String name) {
        if (!dev.roast.interpreter.values.Kinds.isStr(v)) {
            throw new PyError("TypeError", name + " must be None or a string, not " + dev.roast.interpreter.values.Kinds.typeName(rt.values, v));
        }
        return Repr.str(rt, v);
    }
}
