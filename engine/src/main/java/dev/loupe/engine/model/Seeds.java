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

    /**
     * The stream of one image in one epoch for one purpose (augmentation, pasted defects): its own,
     * so a batch's images can be prepared in parallel and still come out the same.
     */
    public static SplittableRandom perImage(long seed, long purpose, int epoch, int index) {
        return new SplittableRandom(mix(mix(seed, purpose), epoch * 1_000_003L + index));
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
