package dev.loupe.cli;

import dev.loupe.engine.model.ModelConfig;
import dev.loupe.segmentation.model.SegmentationConfig;
import picocli.CommandLine.Option;

/**
 * Training settings the service did not expose and this engine does, for either model type:
 * smaller inputs and fewer epochs for quick trials, larger ones for fine defects.
 */
final class TrainingOptions {
    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs (default: the engine's; "
            + "segmentation trains twice its default when a class's defects are thin).")
    Integer epochs;

    @Option(names = "--input-size", paramLabel = "PIXELS", description = "Network input side (default: the engine's).")
    Integer inputSize;

    @Option(names = "--channels", paramLabel = "C1,C2,...", split = ",",
            description = "Channels of each convolution block or level (default: the engine's).")
    int[] channels;

    @Option(names = "--no-appearance",
            description = "Classification: score by the network alone, without the appearance distance it may add.")
    boolean noAppearance;

    @Option(names = "--synthetic-rate", paramLabel = "R",
            description = "Classification: the chance that a normal training image gets a pasted patch and the "
                    + "anomalous label, per epoch (default: 0, off).")
    Double syntheticRate;

    @Option(names = "--paste-rate", paramLabel = "R",
            description = "Segmentation: the chance that a training image gets a labelled defect of another "
                    + "training image pasted onto it, per epoch (default: 0, off).")
    Double pasteRate;

    @Option(names = "--averaged-share", paramLabel = "S",
            description = "Segmentation: the share of the epochs, from the end, whose weights the model averages "
                    + "(default: 0.25; 0 keeps the last epoch's).")
    Double averagedShare;

    ModelConfig apply(ModelConfig config) {
        if (noAppearance) {
            config = config.withAppearance(false);
        }
        if (syntheticRate != null) {
            config = config.withSyntheticRate(syntheticRate);
        }
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (channels != null) {
            config = config.withArchitecture(config.architecture().withChannels(channels));
        }
        if (inputSize != null) {
            config = config.withArchitecture(config.architecture().withInputSize(inputSize));
        }
        return config;
    }

    SegmentationConfig apply(SegmentationConfig config) {
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (inputSize != null) {
            config = config.withInputSize(inputSize);
        }
        if (channels != null) {
            config = config.withChannels(channels);
        }
        if (pasteRate != null) {
            config = config.withPasteRate(pasteRate);
        }
        if (averagedShare != null) {
            config = config.withAveragedShare(averagedShare);
        }
        return config;
    }
}
