package dev.roast.vm;

import dev.roast.frontend.CompilerFailure;
import java.io.PrintStream;

/**
 * The `roast` program. This class is the error boundary: whatever happens
 * below, the user sees a message and an exit status, never a Java stack trace
 * (unless they ask for one with --debug).
 */
public final class Main {
    /** Exit status of a compiler bug (BSD's EX_SOFTWARE). */
    static final int INTERNAL_ERROR = 70;

    private Main() {}

    /**
     * Stack for the thread that compiles and runs: the parser and checker
     * recurse on the program's nesting, and a deep (but legal) program must
     * not overflow the launcher thread's small default stack.
     */
    private static final long STACK_BYTES = 512L << 20;

    public static void main(String[] args) throws InterruptedException {
        int[] status = {INTERNAL_ERROR};
        var worker = new Thread(null, () -> status[0] = run(args, System.out, System.err), "roast", STACK_BYTES);
        worker.start();
        worker.join();
        System.out.flush();
        System.exit(status[0]);
    }

    /** Runs one command line; returns the exit status (spec §1). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = CommandLine.debug(args);
        try {
            return Commands.run(CommandLine.parse(args), out, err);
        } catch (CommandLine.UsageError e) {
            err.println("roast: " + e.getMessage());
            err.print(CommandLine.USAGE);
            return 2;
        } catch (CompilerFailure e) {
            if (e.getCause() instanceof StackOverflowError) {
                // Like CPython's "too many nested parentheses": a limit of the compiler, reported as a compile error.
                err.println("error: " + e.position() + ": the program is nested too deeply to compile");
                return 2;
            }
            err.println("internal error: " + describe(e.getCause()) + " while compiling " + e.position());
            if (debug) e.getCause().printStackTrace(err);
            else err.println("note: this is a bug in Roast; run again with --debug to see where it happened");
            return INTERNAL_ERROR;
        } catch (Throwable e) {
            err.println("internal error: " + describe(e));
            if (debug) e.printStackTrace(err);
            else err.println("note: this is a bug in Roast; run again with --debug to see where it happened");
            return INTERNAL_ERROR;
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
