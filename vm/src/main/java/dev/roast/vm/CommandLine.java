package dev.roast.vm;

import java.util.ArrayList;
import java.util.List;

/** Parses the `roast` command line into a {@link Command}; anything malformed is a {@link UsageError}. */
final class CommandLine {
    static final String USAGE = """
            usage: roast check [--time [--repeat=N]] FILE...
                                                    parse and type-check each FILE; --time prints the
                                                    frontend's time, of the last of N compiles
                   roast dis --hir FILE             print FILE's typed HIR
                   roast dis --mir FILE             print FILE's MIR (control-flow graphs)
                   roast dis --bytecode FILE        print FILE's bytecode
                   roast --version | --help
            options anywhere: --debug (show Java stack traces of internal errors)
            exit status: 0 ok, 2 syntax/type/usage error, 70 internal error
            """;

    /** A parsed command line. */
    sealed interface Command {}

    record Check(List<String> files, boolean time, int repeat) implements Command {}

    record Dis(String file, String what) implements Command {}

    record Help() implements Command {}

    record Version() implements Command {}

    /** A malformed command line: the message says what is wrong. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    private CommandLine() {}

    static Command parse(String[] argv) {
        var args = new ArrayList<String>();
        for (String a : argv) if (!a.equals("--debug")) args.add(a);
        if (args.isEmpty()) throw new UsageError("no command given");
        String first = args.get(0);
        switch (first) {
            case "--help", "-h", "help" -> {
                return new Help();
            }
            case "--version", "-V" -> {
                return new Version();
            }
            case "check" -> {
                boolean time = false;
                int repeat = 1;
                var files = new ArrayList<String>();
                for (String a : args.subList(1, args.size())) {
                    if (a.equals("--time")) time = true;
                    else if (a.startsWith("--repeat=")) repeat = positive(a.substring("--repeat=".length()), "--repeat");
                    else if (a.startsWith("-") && !a.equals("-")) throw new UsageError("unknown option '" + a + "' for 'check'");
                    else files.add(a);
                }
                if (files.isEmpty()) throw new UsageError("'check' needs a FILE");
                if (repeat > 1 && !time) throw new UsageError("--repeat only makes sense with --time");
                return new Check(List.copyOf(files), time, repeat);
            }
            case "dis" -> {
                String what = null, file = null;
                for (String a : args.subList(1, args.size())) {
                    switch (a) {
                        case "--hir" -> what = "hir";
                        case "--mir" -> what = "mir";
                        case "--bytecode" -> what = "bytecode";
                        case "--machine" -> throw new UsageError("'dis --machine' is not available yet: --hir, --mir and --bytecode are");
                        default -> file = operand(file, a, "dis");
                    }
                }
                if (what == null) throw new UsageError("'dis' needs to know what to show: --hir, --mir or --bytecode");
                return new Dis(required(file, "dis"), what);
            }
            default -> {
                if (first.startsWith("-")) throw new UsageError("unknown option '" + first + "'");
                throw new UsageError("unknown command '" + first + "'");
            }
        }
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 10_000) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(option + " needs a whole number from 1 to 10000, got '" + text + "'");
    }

    private static String operand(String previous, String arg, String command) {
        if (arg.startsWith("-") && !arg.equals("-")) throw new UsageError("unknown option '" + arg + "' for '" + command + "'");
        if (previous != null) throw new UsageError("'" + command + "' takes one file, got '" + previous + "' and '" + arg + "'");
        return arg;
    }

    private static String required(String file, String command) {
        if (file == null) throw new UsageError("'" + command + "' needs a FILE");
        return file;
    }
}
