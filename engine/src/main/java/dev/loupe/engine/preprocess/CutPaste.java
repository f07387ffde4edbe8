package dev.loupe.engine.preprocess;

import java.util.SplittableRandom;

/**
 * A synthetic local defect: a rectangle of the image copied, mirrored at random, onto another
 * place of the same image (CutPaste; Li et al., CVPR 2021). Supervised training can turn a share of
 * its normal images into such defects and label them anomalous, beside the real anomalies
 * ({@code ModelConfig.syntheticRate}).
 *
 * <p>Why: a few tens of labelled anomalies teach the network the defects they show, and it may
 * separate them from the normal images by anything else the two groups happen to differ in. A
 * patch out of place is evidence that is local by construction. Trained on synthetic defects
 * alone, the idea ranked our sets poorly (ALGORITHMS.md); beside real ones it helps some sets and
 * costs others, which is why it is off by default (docs/benchmarks.md).
 *
 * <p>Immutable and thread-safe; randomness comes from the caller's stream, so a seeded stream
 * gives the same defect.
 *
 * @param minSide the smallest side of the rectangle, as a fraction of the image's side
 * @param maxSide the largest side, likewise
 */
public record CutPaste(double minSide, double maxSide) {
    public CutPaste {
        if (!(minSide > 0 && minSide <= maxSide && maxSide < 1)) {
            throw new IllegalArgumentException("need 0 < minSide <= maxSide < 1, got " + minSide + ", " + maxSide);
        }
    }

    /** Sides from 3 % to 12.5 % of the image's: 4 to 16 pixels at 128, the size of a small part. */
    public static CutPaste standard() {
        return new CutPaste(0.03, 0.125);
    }

    /**
     * Pastes one rectangle into {@code image} ({@code 3 x size x size}, planar) in place. Its
     * centre lands at least {@code margin} pixels from every edge, where the network's score can
     * see it: a defect the score cannot see would teach a wrong label.
     */
    public void apply(float[] image, int size, int margin, SplittableRandom random) {
        int w = side(size, random);
        int h = side(size, random);
        int sourceX = random.nextInt(size - w + 1);
        int sourceY = random.nextInt(size - h + 1);
        int span = Math.max(1, size - 2 * margin);
        int centreX = margin + random.nextInt(span);
        int centreY = margin + random.nextInt(span);
        int targetX = Math.max(0, Math.min(size - w, centreX - w / 2));
        int targetY = Math.max(0, Math.min(size - h, centreY - h / 2));
        boolean mirror = random.nextBoolean();
        int plane = size * size;
        // Copied out first: source and target may overlap.
        float[] patch = new float[3 * w * h];
        for (int ch = 0; ch < 3; ch++) {
            for (int y = 0; y < h; y++) {
                int row = ch * plane + (sourceY + y) * size + sourceX;
                for (int x = 0; x < w; x++) {
                    patch[(ch * h + y) * w + x] = image[row + (mirror ? w - 1 - x : x)];
                }
            }
        }
        for (int ch = 0; ch < 3; ch++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(patch, (ch * h + y) * w, image, ch * plane + (targetY + y) * size + targetX, w);
            }
        }
    }

    private int side(int size, SplittableRandom random) {
        return Math.max(1, (int) Math.round(size * random.nextDouble(minSide, maxSide)));
    }
}
