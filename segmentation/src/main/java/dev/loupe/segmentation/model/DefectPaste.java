package dev.loupe.segmentation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Copies one labelled defect of a training image onto another (copy-paste augmentation, Ghiasi
 * et al., CVPR 2021): the pixels of one anomaly class of a donor image, with their mask, at the
 * same place of the recipient, mirrored left to right at random.
 *
 * <p>Why: a thin, rare class (the washers' scratches) is drawn on ten or so training images, and
 * the network saw each in one context; pasted, each is seen on many parts and beside the other
 * classes. The class is drawn uniformly among the classes the masks show, so a class seen on ten
 * images is pasted as often as one seen on thirty. The same place (or its mirror) keeps a defect
 * on the part where parts sit where the camera expects them, and both images are pasted before
 * the augmentation, so the defect takes the recipient's geometry and light. Off by default: where
 * masks reach past the part (cookie's missing pieces are drawn over the tray), a pasted region
 * carries background onto another part, and cookie's masks got worse with it.
 *
 * <p>Immutable; the randomness comes from the caller's stream.
 */
final class DefectPaste {
    private final double rate;
    private final List<float[]> inputs;
    private final List<byte[]> masks;
    /** The anomaly classes (1..n) some mask shows, and for each the images that show it. */
    private final int[] shown;
    private final List<int[]> donors;

    /** An image and its mask, as training should see them. */
    record Sample(float[] image, byte[] mask) {
    }

    /**
     * @param rate    the chance that an image gets a pasted defect
     * @param inputs  the training images at the network's size, planar
     * @param masks   their class masks at that size (all background where an image has no pixel truth)
     * @param classes the number of anomaly classes
     */
    DefectPaste(double rate, List<float[]> inputs, List<byte[]> masks, int classes) {
        this.rate = rate;
        this.inputs = inputs;
        this.masks = masks;
        List<List<Integer>> showing = new ArrayList<>();
        for (int c = 0; c <= classes; c++) {
            showing.add(new ArrayList<>());
        }
        for (int i = 0; i < masks.size(); i++) {
            boolean[] present = new boolean[256];
            for (byte b : masks.get(i)) {
                present[b & 0xFF] = true;
            }
            for (int c = 1; c <= classes; c++) {
                if (present[c]) {
                    showing.get(c).add(i);
                }
            }
        }
        List<Integer> shownClasses = new ArrayList<>();
        List<int[]> d = new ArrayList<>();
        for (int c = 1; c <= classes; c++) {
            if (!showing.get(c).isEmpty()) {
                shownClasses.add(c);
                d.add(showing.get(c).stream().mapToInt(Integer::intValue).toArray());
            }
        }
        this.shown = shownClasses.stream().mapToInt(Integer::intValue).toArray();
        this.donors = d;
    }

    /**
     * With this paste's chance, copies of {@code image} and {@code mask} with a defect pasted;
     * otherwise the arguments themselves, untouched.
     */
    Sample apply(float[] image, byte[] mask, int size, SplittableRandom random) {
        if (random.nextDouble() >= rate || shown.length == 0) {
            return new Sample(image, mask);
        }
        int which = random.nextInt(shown.length);
        byte label = (byte) shown[which];
        int[] from = donors.get(which);
        int donor = from[random.nextInt(from.length)];
        boolean mirror = random.nextBoolean();
        float[] src = inputs.get(donor);
        byte[] srcMask = masks.get(donor);
        float[] outImage = image.clone();
        byte[] outMask = mask.clone();
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = y * size + x;
                if (srcMask[p] != label) {
                    continue;
                }
                int q = y * size + (mirror ? size - 1 - x : x);
                outMask[q] = label;
                for (int ch = 0; ch < 3; ch++) {
                    outImage[ch * plane + q] = src[ch * plane + p];
                }
            }
        }
        return new Sample(outImage, outMask);
    }
}
