package dev.loupe.engine.model;

import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.preprocess.Augmenter;
import java.util.Objects;

/**
 * How to train. {@link #defaults()} is what the product uses; tests shrink it.
 *
 * @param seed               the one seed all random streams are split from
 * @param architecture       network shape and input size
 * @param epochs             passes over the training images
 * @param batchSize          images per optimisation step
 * @param learningRate       Adam's step size
 * @param augmenter          training-time variations
 * @param validationFraction share of the training images held out for calibration when no
 *                           validation set is given
 * @param memoryBankSize     the most normal patch features kept for the label-free mode
 * @param appearance         whether a supervised model may add the image's appearance distance
 *                           to the network's score ({@link dev.loupe.engine.appearance})
 * @param syntheticRate      the chance, per normal image and epoch, that supervised training
 *                           pastes a {@link dev.loupe.engine.preprocess.CutPaste} defect into it
 *                           and labels it anomalous (0 turns it off)
 */
public record ModelConfig(long seed, Architecture architecture, int epochs, int batchSize, double learningRate,
                          Augmenter augmenter, double validationFraction, int memoryBankSize,
                          boolean appearance, double syntheticRate) {
    public ModelConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(augmenter, "augmenter");
        if (epochs < 1 || epochs > 10_000) {
            throw new IllegalArgumentException("epochs must be 1..10000, was " + epochs);
        }
        if (batchSize < 1 || batchSize > 1024) {
            throw new IllegalArgumentException("batch size must be 1..1024, was " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1), was " + learningRate);
        }
        if (!(validationFraction > 0 && validationFraction < 0.5)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 0.5), was " + validationFraction);
        }
        if (!(syntheticRate >= 0 && syntheticRate < 1)) {
            throw new IllegalArgumentException("synthetic defect rate must be in [0, 1), was " + syntheticRate);
        }
        if (memoryBankSize < 16) {
            throw new IllegalArgumentException("memory bank size must be at least 16, was " + memoryBankSize);
        }
    }

    /**
     * 128 pixels, four blocks, 40 epochs of 8 images, Adam at 2e-3, a fifth of the images held out,
     * the appearance term, no synthetic defects (they help some sets and cost others a lot:
     * docs/benchmarks.md).
     */
    public static ModelConfig defaults() {
        return new ModelConfig(1, Architecture.standard(), 40, 8, 2e-3, Augmenter.standard(), 0.2, 2048, true, 0);
    }

    public ModelConfig withSeed(long newSeed) {
        return new ModelConfig(newSeed, architecture, epochs, batchSize, learningRate, augmenter, validationFraction, memoryBankSize, appearance, syntheticRate);
    }

    public ModelConfig withArchitecture(Architecture a) {
        return new ModelConfig(seed, a, epochs, batchSize, learningRate, augmenter, validationFraction, memoryBankSize, appearance, syntheticRate);
    }

    public ModelConfig withBatchSize(int b) {
        return new ModelConfig(seed, architecture, epochs, b, learningRate, augmenter, validationFraction, memoryBankSize, appearance, syntheticRate);
    }

    public ModelConfig withLearningRate(double lr) {
        return new ModelConfig(seed, architecture, epochs, batchSize, lr, augmenter, validationFraction, memoryBankSize, appearance, syntheticRate);
    }

    public ModelConfig withAugmenter(Augmenter a) {
        return new ModelConfig(seed, architecture, epochs, batchSize, learningRate, a, validationFraction, memoryBankSize, appearance, syntheticRate);
    }

    public ModelConfig withEpochs(int e) {
        return new ModelConfig(seed, architecture, e, batchSize, learningRate, augmenter, validationFraction, memoryBankSize, appearance, syntheticRate);
    }

    public ModelConfig withSyntheticRate(double rate) {
        return new ModelConfig(seed, architecture, epochs, batchSize, learningRate, augmenter, validationFraction, memoryBankSize, appearance, rate);
    }

    public ModelConfig withAppearance(boolean on) {
        return new ModelConfig(seed, architecture, epochs, batchSize, learningRate, augmenter, validationFraction, memoryBankSize, on, syntheticRate);
    }
}
