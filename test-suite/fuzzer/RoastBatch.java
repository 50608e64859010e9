import dev.roast.vm.Main;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The fuzzer's batch runner: many `roast` command lines in one JVM, so that a
 * program costs its own run and not a JVM start (~0.2 s) as well.
 *
 * Each line on stdin is `PREFIX<TAB>ARG<TAB>ARG...`: the words of a `roast`
 * command line (`vm`, its options, the program). It goes through
 * {@link Main#run}, the same entry point as `roast` itself, so every program
 * gets a fresh compile and a fresh `Vm.run`, on a new thread with the launcher
 * thread's stack size. Its stdout and stderr go to PREFIX.stdout and
 * PREFIX.stderr, its exit status to PREFIX.status; then `done` goes to this
 * process's stdout. The fuzzer gives each program a time limit, and kills the
 * whole process (SIGKILL) when one runs over: machine code may never return.
 *
 * For the fuzzer's self-test only: with -Dfuzz.plant=WORD, a command line
 * containing WORD gets one more line on its stdout (a planted difference).
 */
public final class RoastBatch {
    /** As Main's worker thread: the parser and checker recurse on the program's nesting. */
    private static final long STACK_BYTES = 512L << 20;

    private RoastBatch() {}

    public static void main(String[] ignored) throws Exception {
        String plant = System.getProperty("fuzz.plant");
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));  // a program reading stdin sees EOF, as with </dev/null
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isEmpty()) continue;
            String[] words = line.split("\t");
            String prefix = words[0];
            String[] args = Arrays.copyOfRange(words, 1, words.length);
            boolean planted = plant != null && Arrays.asList(args).contains(plant);
            int status = runOne(prefix, args, planted);
            Files.writeString(Path.of(prefix + ".status"), status + "\n");
            System.out.println("done");
            System.out.flush();
        }
    }

    private static int runOne(String prefix, String[] args, boolean planted) throws IOException, InterruptedException {
        // The charsets of the real launcher's System.out and System.err, whatever the locale makes them.
        try (var out = new PrintStream(new BufferedOutputStream(new FileOutputStream(prefix + ".stdout")), false,
                     System.out.charset());
             var err = new PrintStream(new FileOutputStream(prefix + ".stderr"), true, System.err.charset())) {
            int[] status = {70};
            var worker = new Thread(null, () -> status[0] = Main.run(args, out, err), "roast", STACK_BYTES);
            worker.start();
            worker.join();
            if (planted) out.println("planted difference");
            out.flush();
            return status[0];
        }
    }
}
