package dev.roast.vm;

import dev.roast.heap.Heap;
import dev.roast.vm.tiers.TierOptions;
import java.util.ArrayList;
import java.util.List;

/** Parses the `roast` command line into a {@link Command}; anything malformed is a {@link UsageError}. */
final class CommandLine {
    static final String USAGE = """
            usage: roast vm [--max-heap=SIZE] [--max-depth=N] [--gc-stats] [--stats=OUT.json]
                            [--max-tier=interp|baseline] [--jit-threshold=N] [--trace-tiers] [--code-cache=SIZE] FILE [ARGS...]
                                                    run FILE (SIZE like 256m or 2g; default 2g; depth default 1000);
                                                    a function runs as machine code from its Nth call (loops count
                                                    1/8 per back-edge; default 1000; 0: before its first call) up
                                                    to --max-tier (default baseline); --trace-tiers shows each
                                                    compile, on-stack replacement and exit on stderr; --code-cache
                                                    caps machine code (default 64m);
                                                    --stats writes the run's times, compile times and GC pauses
                                                    to OUT.json when it ends (checked first; not written if FILE
                                                    does not compile)
                   roast check [--time [--repeat=N]] FILE...
                                                    parse and type-check each FILE; --time prints the
                                                    frontend's time, of the last of N compiles
                   roast dis --hir FILE             print FILE's typed HIR
                   roast dis --mir FILE             print FILE's MIR (control-flow graphs)
                   roast dis --bytecode FILE        print FILE's bytecode
                   roast dis --machine FILE         print the baseline JIT's x86-64 code for each function
                                                    of FILE (needs objdump, GNU binutils)
                   roast --version | --help
            anywhere before vm's FILE: --debug (show Java stack traces of internal errors);
            after FILE every word is the program's (sys.argv is FILE, ARGS...)
            exit status: 0 ok, 2 syntax/type/usage error, 70 internal error
            """;

    /** A parsed command line. */
    sealed interface Command {}

    record Check(List<String> files, boolean time, int repeat) implements Command {}

    /** `roast vm`; {@code statsFile} is null without --stats. */
    record Run(String file, List<String> args, long maxHeapBytes, int maxDepth, boolean gcStats, String statsFile,
               TierOptions tiers) implements Command {}

    /** Internal (the launcher's AOT-cache training run): compile every file through every stage, run the first. */
    record Train(List<String> files) implements Command {}

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
        int programArgs = programArgsStart(argv);
        var args = new ArrayList<String>();
        for (int i = 0; i < programArgs; i++) if (!argv[i].equals("--debug")) args.add(argv[i]);
        args.addAll(List.of(argv).subList(programArgs, argv.length));
        if (args.isEmpty()) throw new UsageError("no command given");
        String first = args.get(0);
        switch (first) {
            case "--help", "-h", "help" -> {
                return new Help();
            }
            case "--version", "-V" -> {
                return new Version();
            }
            case "vm" -> {
                return run(args.subList(1, args.size()));
            }
            case "__aot-training" -> {
                return new Train(List.copyOf(args.subList(1, args.size())));
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
                        case "--machine" -> what = "machine";
                        default -> file = operand(file, a, "dis");
                    }
                }
                if (what == null) throw new UsageError("'dis' needs to know what to show: --hir, --mir, --bytecode or --machine");
                return new Dis(required(file, "dis"), what);
            }
            default -> {
                if (first.startsWith("-")) throw new UsageError("unknown option '" + first + "'");
                throw new UsageError("unknown command '" + first + "'");
            }
        }
    }

    /** Whether --debug is one of roast's own words (not one of the program's). */
    static boolean debug(String[] argv) {
        int programArgs = programArgsStart(argv);
        for (int i = 0; i < programArgs; i++) if (argv[i].equals("--debug")) return true;
        return false;
    }

    /**
     * Where the program's own arguments start: after `vm`'s FILE, the first word after `vm` that is not an
     * option, so `roast vm f.roast --debug` passes --debug to the program. argv.length for the other commands.
     */
    private static int programArgsStart(String[] argv) {
        int i = 0;
        while (i < argv.length && argv[i].equals("--debug")) i++;
        if (i == argv.length || !argv[i].equals("vm")) return argv.length;
        i++;
        while (i < argv.length && argv[i].startsWith("--")) i++;  // vm's options, --debug among them
        return Math.min(i + 1, argv.length);
    }

    private static Run run(List<String> args) {
        long maxHeap = 2L << 30;
        int maxDepth = 1000;
        boolean gcStats = false;
        String statsFile = null;
        TierOptions.Tier maxTier = TierOptions.DEFAULT.maxTier();
        int jitThreshold = TierOptions.DEFAULT.jitThreshold();
        boolean traceTiers = false;
        long codeCache = TierOptions.DEFAULT.codeCacheBytes();
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("--"); i++) {
            String a = args.get(i);
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            switch (a.contains("=") ? a.substring(0, a.indexOf('=')) : a) {
                case "--max-heap" -> maxHeap = size(value, "--max-heap", Heap.SMALLEST_MAX_BYTES);
                case "--max-depth" -> maxDepth = positive(value == null ? "" : value, "--max-depth");
                case "--gc-stats" -> gcStats = true;
                case "--stats" -> {
                    if (value == null || value.isEmpty()) throw new UsageError("--stats needs a file to write: --stats=OUT.json");
                    statsFile = value;
                }
                case "--max-tier" -> {
                    maxTier = TierOptions.Tier.of(value == null ? "" : value);
                    if (maxTier == null) {
                        throw new UsageError("--max-tier needs one of interp, baseline; got '" + (value == null ? "" : value) + "'");
                    }
                }
                case "--jit-threshold" -> jitThreshold = count(value == null ? "" : value, "--jit-threshold");
                case "--trace-tiers" -> {
                    if (value != null) throw new UsageError("--trace-tiers takes no value");
                    traceTiers = true;
                }
                case "--code-cache" -> codeCache = size(value, "--code-cache", 1);
                default -> throw new UsageError("unknown option '" + a + "' for 'vm'");
            }
        }
        if (i >= args.size()) throw new UsageError("'vm' needs a FILE");
        return new Run(args.get(i), List.copyOf(args.subList(i + 1, args.size())), maxHeap, maxDepth, gcStats, statsFile,
                new TierOptions(maxTier, jitThreshold, traceTiers, codeCache));
    }

    /** "256m", "2g", "64k" or plain bytes, at least {@code smallest} (a whole number of MiB when above 1). */
    static long size(String text, String option, long smallest) {
        if (text != null && text.matches("[0-9]+[kKmMgG]?")) {
            char unit = Character.toLowerCase(text.charAt(text.length() - 1));
            long shift = switch (unit) {
                case 'k' -> 10;
                case 'm' -> 20;
                case 'g' -> 30;
                default -> 0;
            };
            String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
            try {
                long n = Long.parseLong(digits);
                if (n > 0 && n <= (1L << 40) >> shift) {
                    if (n << shift < smallest) {
                        throw new UsageError(option + " must be at least " + (smallest >> 20) + "m, got '" + text + "'");
                    }
                    return n << shift;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new UsageError(option + " needs a size such as 256m or 2g, got '" + text + "'");
    }

    private static int count(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= 1_000_000) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(option + " needs a whole number from 0 to 1000000, got '" + text + "'");
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 1_000_000) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(option + " needs a whole number from 1 to 1000000, got '" + text + "'");
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
