package dev.loupe.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded stratified splits that keep both classes on both sides whenever possible. */
public final class Splits {
    private Splits() {
    }

    /**
     * The two sides of a split.
     *
     * @param first  the larger side (training)
     * @param second the held-out side
     */
    public record Split(List<LabeledImage> first, List<LabeledImage> second) {
        public Split {
            first = List.copyOf(first);
            second = List.copyOf(second);
        }
    }

    /**
     * Holds out {@code fraction} of each class (at least one of each class that has two or more
     * images, so anomalies stay on both sides), chosen by a seeded shuffle; order within each
     * side follows the input.
     */
    public static Split stratified(List<LabeledImage> images, double fraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] heldOut = new boolean[images.size()];
        for (boolean anomalous : new boolean[] {false, true}) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                if (images.get(i).anomalous() == anomalous) {
                    members.add(i);
                }
            }
            int n = members.size();
            int take = n < 2 ? 0 : Math.max(1, Math.min(n - 1, (int) Math.round(n * fraction)));
            for (int k = n - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                Integer t = members.get(k);
                members.set(k, members.get(j));
                members.set(j, t);
            }
            for (int k = 0; k < take; k++) {
                heldOut[members.get(k)] = true;
            }
        }
        List<LabeledImage> first = new ArrayList<>();
        List<LabeledImage> second = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            (heldOut[i] ? second : first).add(images.get(i));
        }
        return new Split(first, second);
    }
}
