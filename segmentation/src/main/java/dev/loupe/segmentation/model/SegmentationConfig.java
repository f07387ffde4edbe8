package dev.loupe.segmentation.model;

import dev.loupe.engine.preprocess.Augmenter;
import java.util.Arrays;

/**
 * How a segmentation model is trained.
 *
 * @param seed               the one seed every random stream is split from
 * @param inputSize          the square side images are resized to
 * @param channels           channels of each network level, finest first
 * @param epochs             passes over the training images (twice as many for thin defects, see
 *                           {@code lengthenForThinDefects})
 * @param batchSize          images per step
 * @param learningRate       Adam's step size
 * @param augmenter          the seeded variations (geometry moves the masks with the images)
 * @param validationFraction the share of labelled images held out to calibrate the image decision
 * @param deepenForWideDefects whether training adds a level to {@code channels} when every anomaly
 *                           class's training defects are wide (see {@code DefectWidths}); off once
 *                           the channels are chosen explicitly
 * @param lengthenForThinDefects whether training runs twice the {@code epochs} when any anomaly
 *                           class's training defects are thin (see {@code DefectWidths}); off once
 *                           the epochs are chosen explicitly
 * @param pasteRate          the chance, per image and epoch, that training pastes a labelled defect
 *                           of another training image onto it (see {@code DefectPaste}); 0 turns it off
 * @param averagedShare      the share of the epochs, counted from the end, whose end-of-epoch weights
 *                           the model averages (see {@code WeightAverage}); 0 keeps the last epoch's
 */
public record SegmentationConfig(long seed, int inputSize, int[] channels, int epochs, int batchSize,
                                 double learningRate, Augmenter augmenter, double validationFraction,
                                 boolean deepenForWideDefects, boolean lengthenForThinDefects, double pasteRate,
                                 double averagedShare) {
    public SegmentationConfig {
        channels = channels.clone();
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("epochs and batch size must be positive, the learning rate positive "
                    + "and the validation fraction within (0, 1)");
        }
        if (!(pasteRate >= 0 && pasteRate <= 1)) {
            throw new IllegalArgumentException("the paste rate must be within [0, 1], got " + pasteRate);
        }
        if (!(averagedShare >= 0 && averagedShare < 1)) {
            throw new IllegalArgumentException("the averaged share of the epochs must be within [0, 1), got "
                    + averagedShare);
        }
    }

    /**
     * 192 pixels, levels of 16-32-48-64 channels (and a fifth of 96 for wide defects), 60 epochs of
     * 4 images (120 for thin defects), Adam at 2e-3, no pasted defects, the weights averaged over the
     * last quarter of the epochs.
     */
    public static SegmentationConfig defaults() {
        return new SegmentationConfig(1, 192, new int[] {16, 32, 48, 64}, 60, 4, 2e-3, Augmenter.standard(), 0.2, true,
                true, 0, 0.25);
    }

    @Override
    public int[] channels() {
        return channels.clone();
    }

    public SegmentationConfig withSeed(long s) {
        return new SegmentationConfig(s, inputSize, channels, epochs, batchSize, learningRate, augmenter,
                validationFraction, deepenForWideDefects, lengthenForThinDefects, pasteRate, averagedShare);
    }

    /** Exactly this many epochs: the length is no longer chosen from the masks. */
    public SegmentationConfig withEpochs(int e) {
        return new SegmentationConfig(seed, inputSize, channels, e, batchSize, learningRate, augmenter,
                validationFraction, deepenForWideDefects, false, pasteRate, averagedShare);
    }

    public SegmentationConfig withInputSize(int size) {
        return new SegmentationConfig(seed, size, channels, epochs, batchSize, learningRate, augmenter,
                validationFraction, deepenForWideDefects, lengthenForThinDefects, pasteRate, averagedShare);
    }

    /**
     * The levels training uses when every class's defects are wide: these plus one with half as
     * many channels again as the last (see {@code DefectWidths} for why, and for when).
     */
    public int[] channelsForWideDefects() {
        int[] deeper = Arrays.copyOf(channels, channels.length + 1);
        deeper[channels.length] = channels[channels.length - 1] * 3 / 2;
        return deeper;
    }

    /** Exactly these levels: the depth is no longer chosen from the masks. */
    public SegmentationConfig withChannels(int[] c) {
        return new SegmentationConfig(seed, inputSize, c, epochs, batchSize, learningRate, augmenter,
                validationFraction, false, lengthenForThinDefects, pasteRate, averagedShare);
    }

    public SegmentationConfig withLearningRate(double lr) {
        return new SegmentationConfig(seed, inputSize, channels, epochs, batchSize, lr, augmenter, validationFraction,
                deepenForWideDefects, lengthenForThinDefects, pasteRate, averagedShare);
    }

    public SegmentationConfig withBatchSize(int b) {
        return new SegmentationConfig(seed, inputSize, channels, epochs, b, learningRate, augmenter,
                validationFraction, deepenForWideDefects, lengthenForThinDefects, pasteRate, averagedShare);
    }

    public SegmentationConfig withPasteRate(double rate) {
        return new SegmentationConfig(seed, inputSize, channels, epochs, batchSize, learningRate, augmenter,
                validationFraction, deepenForWideDefects, lengthenForThinDefects, rate, averagedShare);
    }

    public SegmentationConfig withAveragedShare(double share) {
        return new SegmentationConfig(seed, inputSize, channels, epochs, batchSize, learningRate, augmenter,
                validationFraction, deepenForWideDefects, lengthenForThinDefects, pasteRate, share);
    }

    /** How many of {@code epochs} epochs, the last ones, the model's weights are averaged over (1: none). */
    public int averagedEpochs(int epochs) {
        return Math.max(1, (int) Math.round(averagedShare * epochs));
    }

    @Override
    public String toString() {
        return "SegmentationConfig[seed=" + seed + ", inputSize=" + inputSize + ", channels="
                + Arrays.toString(channels) + ", epochs=" + epochs + ", batchSize=" + batchSize
                + ", learningRate=" + learningRate + ", augmenter=" + augmenter + ", validationFraction="
                + validationFraction + ", deepenForWideDefects=" + deepenForWideDefects + ", lengthenForThinDefects="
                + lengthenForThinDefects + ", pasteRate=" + pasteRate + ", averagedShare=" + averagedShare + "]";
    }
}
