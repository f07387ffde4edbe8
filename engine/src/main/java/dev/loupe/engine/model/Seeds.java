package dev.loupe.engine.model;

import java.util.SplittableRandom;

/**
 * One seed, many independent random streams: every trainer splits its shuffles, augmentations,
 * splits and initial weights from the configured seed through {@link #mix}, so the same seed on
 * the same machine gives the same model. Stateless.
 */
public final class Seeds {
    private Seeds() {
    }

    /** SplitMix64 of a seed and a purpose: independent, reproducible random streams. */
    public static long mix(long seed, long purpose) {
        long h = seed + 0x9E3779B97F4A7C15L * (purpose + 1);
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /** Fisher-Yates shuffle of {@code a} in place. */
    public static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
