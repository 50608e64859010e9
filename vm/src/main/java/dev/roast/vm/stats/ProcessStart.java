package dev.roast.vm.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * When this process started, on {@link System#nanoTime}'s clock: the origin of
 * `--stats`' wall and first-output times. The launcher script execs java, so the
 * process started when `./roast` did, and its time is part of what is measured.
 */
final class ProcessStart {
    /** USER_HZ, the unit of /proc's start time: 100 on every Linux the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessStart() {}

    /**
     * Linux: the kernel's start time in /proc/self/stat, to 10 ms. Not {@code ProcessHandle.Info.startInstant()}:
     * on Linux it adds that tick count to the boot time, which /proc/stat gives in whole seconds, so it is off
     * by up to a second (measured 0.7 s). Elsewhere it is the best there is.
     */
    static long nanoTime() {
        long now = System.nanoTime();
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Field 22, counted after the command name, which may itself hold spaces and parentheses.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startBoot = Long.parseLong(fields[19]) * NANOS_PER_TICK;
            String uptime = Files.readString(Path.of("/proc/uptime"));
            long nowBoot = (long) (Double.parseDouble(uptime.substring(0, uptime.indexOf(' '))) * 1e9);
            // Both are on the boot clock. nanoTime is CLOCK_MONOTONIC, which on Linux also counts from boot but
            // stops while the machine is suspended: only a difference beyond uptime's 10 ms steps is real.
            long suspended = nowBoot - now;
            if (Math.abs(suspended) < 2 * NANOS_PER_TICK) suspended = 0;
            return startBoot - suspended;
        } catch (IOException | RuntimeException e) {
            Optional<Instant> start = ProcessHandle.current().info().startInstant();
            if (start.isEmpty()) return now;
            return now - Math.max(0, System.currentTimeMillis() - start.get().toEpochMilli()) * 1_000_000;
        }
    }
}
