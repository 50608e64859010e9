package dev.roast.vm.tiers;

/** `roast vm`'s tier flags: --max-tier, --jit-threshold, --trace-tiers and --code-cache. */
public record TierOptions(Tier maxTier, int jitThreshold, boolean trace, long codeCacheBytes) {
    /** The tiers a function can run in, lowest first. */
    public enum Tier {
        INTERP("interp"), BASELINE("baseline");

        private final String flag;

        Tier(String flag) {
            this.flag = flag;
        }

        /** As --max-tier and --trace-tiers spell it. */
        public String flag() { return flag; }

        /** The tier --max-tier names, or null. */
        public static Tier of(String flag) {
            for (Tier t : values()) if (t.flag.equals(flag)) return t;
            return null;
        }
    }

    /**
     * Calls (plus back-edges / {@code FunctionProfile.BACK_EDGES_PER_CALL}) before a function is compiled.
     * Chosen by measurement: see docs/architecture.md, "Tier policy".
     */
    public static final int DEFAULT_THRESHOLD = 1000;
    public static final long DEFAULT_CODE_CACHE = 64L << 20;

    public static final TierOptions DEFAULT = new TierOptions(Tier.BASELINE, DEFAULT_THRESHOLD, false, DEFAULT_CODE_CACHE);
}
