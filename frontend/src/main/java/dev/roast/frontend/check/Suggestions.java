package dev.roast.frontend.check;

/** "Did you mean ...?": the closest known name to a misspelt one, by edit distance. */
final class Suggestions {
    private Suggestions() {}

    /** The candidate nearest to {@code name} if it is close enough to be a likely typo, else null. */
    static String closest(String name, Iterable<String> candidates) {
        int limit = Math.max(1, Math.min(3, name.length() / 3));
        String best = null;
        int bestDistance = limit + 1;
        for (String c : candidates) {
            if (c.equals(name) || Math.abs(c.length() - name.length()) > limit) continue;
            int d = distance(name, c, bestDistance);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Damerau-Levenshtein distance (adjacent swaps count 1), giving up once it exceeds {@code cap}. */
    private static int distance(String a, String b, int cap) {
        int[] prev2 = new int[b.length() + 1], prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > cap) return cap + 1;
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
