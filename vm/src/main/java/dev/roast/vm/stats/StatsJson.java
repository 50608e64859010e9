package dev.roast.vm.stats;

import dev.roast.heap.GcStats;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A run's {@link RunStats} as the JSON document `bench/compare` reads (format
 * "roast-stats-1", docs/architecture.md): times in milliseconds from the process's
 * start, and per-function compile times and GC pauses as histogram buckets
 * {@code [[value_us, count], ...]}, which a reader can merge across runs and take
 * its own percentiles of. The only user of HdrHistogram, so that it loads only with --stats.
 */
public final class StatsJson {
    public static final String FORMAT = "roast-stats-1";
    /** Enough for a bucket's value to be within 0.1% of the samples in it. */
    private static final int SIGNIFICANT_DIGITS = 3;

    private StatsJson() {}

    /** The document for {@code file}'s run, which ended with {@code exitStatus}. */
    public static String render(RunStats stats, String file, int exitStatus) {
        long origin = ProcessStart.nanoTime();
        GcStats gc = stats.gc();
        var json = new JsonWriter().beginObject();
        json.name("format").value(FORMAT);
        json.name("file").value(file);
        json.name("exit_status").value(exitStatus);
        json.name("wall_ms").decimal(micros(stats.endNanos() - origin), 3);
        json.name("first_output_ms");
        if (stats.firstOutputNanos() < 0) json.nullValue();
        else json.decimal(micros(stats.firstOutputNanos() - origin), 3);
        json.name("compile_ms").decimal(micros(stats.compileNanos()), 3);
        json.name("compile").beginObject();
        tier(json, "bytecode", stats.bytecodeCompiles(), null);
        tier(json, "baseline", stats.baselineCompiles(), stats.baselinePer100());
        json.endObject();
        json.name("gc").beginObject()
                .name("collections").value(gc.collections())
                .name("total_pause_ms").decimal(micros(gc.totalPauseNanos()), 3)
                .name("max_pause_ms").decimal(micros(gc.maxPauseNanos()), 3)
                .name("peak_heap_bytes").value(gc.peakInUseBytes())
                .name("allocated_bytes").value(gc.allocatedBytes())
                .name("pause_us");
        buckets(json, stats.gcPauses());
        json.endObject();
        json.name("time_split_ms").beginObject().name("interpreter").decimal(micros(stats.runNanos()), 3).endObject();
        return json.endObject().text();
    }

    /** A tier's per-function compile times; a tier that compiled nothing is left out. */
    private static void tier(JsonWriter json, String tier, Samples compiles, Samples per100) {
        if (compiles.size() == 0) return;
        json.name(tier).beginObject()
                .name("count").value(compiles.size())
                .name("total_ms").decimal(micros(compiles.sum()), 3)
                .name("us");
        buckets(json, compiles);
        if (per100 != null) {
            json.name("us_per_100_instructions");
            buckets(json, per100);
        }
        json.endObject();
    }

    /** {@code [[value_us, count], ...]}: each recorded bucket's highest value, in microseconds (at least 1), and its count. */
    private static void buckets(JsonWriter json, Samples samples) {
        var histogram = new Histogram(SIGNIFICANT_DIGITS);  // auto-resizing: no upper bound to guess
        for (int i = 0; i < samples.size(); i++) histogram.recordValue(Math.max(1, samples.get(i) / 1000));
        json.beginArray();
        for (HistogramIterationValue v : histogram.recordedValues()) {
            json.beginArray().value(v.getValueIteratedTo()).value(v.getCountAtValueIteratedTo()).endArray();
        }
        json.endArray();
    }

    /** Milliseconds to the microsecond, as the decimal {@link JsonWriter#decimal} writes. */
    private static long micros(long nanos) {
        return Math.floorDiv(nanos + 500, 1000);
    }
}
