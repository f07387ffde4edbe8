package dev.loupe.engine.model;

import dev.loupe.engine.image.ImageDecoder;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.network.ForwardPass;
import dev.loupe.engine.image.Resizer;

/**
 * Answers images for one trained model.
 *
 * <pre>{@code
 * try (Detector d = Detector.open(model)) {
 *     Detection r = d.detect(Files.readAllBytes(path));
 *     if (r.isAnomalous()) ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe: a detector reuses its input buffer and native weights between calls. Use
 * one per thread, or a {@link DetectorPool}. Native memory is released by {@link #close()}.
 */
public final class Detector implements AutoCloseable {
    private final TrainedModel model;
    private final ForwardPass network;
    private final PatchMemory memory;
    private final ImageDecoder decoder = ImageDecoder.service();
    private final float[] input;

    private Detector(TrainedModel model) {
        this.model = model;
        this.network = new ForwardPass(model.weights());
        this.memory = model.mode() == ScoringMode.PATCH_MEMORY ? new PatchMemory(model.memory().orElseThrow()) : null;
        int s = model.inputSize();
        this.input = new float[3 * s * s];
    }

    public static Detector open(TrainedModel model) {
        return new Detector(model);
    }

    public TrainedModel model() {
        return model;
    }

    /**
     * Decodes PNG or JPEG bytes under the service's limits and answers them.
     *
     * @throws dev.loupe.engine.image.InvalidImageException for bytes the service would refuse
     */
    public Detection detect(byte[] encoded) {
        return detect(decoder.decode(encoded));
    }

    /** Answers a decoded image of any size (it is resized to the model's input). */
    public Detection detect(RgbImage image) {
        float[] cells = cellScores(image);
        double raw = model.weights().architecture().imageScore(cells);
        double score = model.calibration().normalise(raw);
        boolean anomalous = model.calibration().isAnomalous(raw);
        Architecture a = model.weights().architecture();
        int grid = a.mapSize();
        // Cells in the margin are not scored (their evidence is the image border's), and training
        // leaves them unconstrained: show them at the level of the calmest scored cell.
        float floor = Float.MAX_VALUE;
        for (int i = 0; i < cells.length; i++) {
            if (a.scored(i % grid, i / grid)) {
                floor = Math.min(floor, cells[i]);
            }
        }
        float[] heat = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            heat[i] = (float) model.calibration().normalise(a.scored(i % grid, i / grid) ? cells[i] : floor);
        }
        return new Detection(anomalous, anomalous ? score : 1 - score, score, raw,
                new HeatMap(grid, heat, image.width(), image.height()));
    }

    /** The raw score of each heat-map cell; the image's raw score is their maximum inside the margin. */
    float[] cellScores(RgbImage image) {
        Resizer.toPlanar(image, model.inputSize(), input);
        model.normalization().apply(input);
        boolean patchMemory = model.mode() == ScoringMode.PATCH_MEMORY;
        ForwardPass.Output out = network.forward(input, patchMemory);
        return patchMemory ? memory.distances(out.features()) : out.logits();
    }

    @Override
    public void close() {
        network.close();
        if (memory != null) {
            memory.close();
        }
    }
}
