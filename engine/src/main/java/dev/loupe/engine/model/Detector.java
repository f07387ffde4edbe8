package dev.loupe.engine.model;

import dev.loupe.engine.appearance.AppearanceFeatures;
import dev.loupe.engine.appearance.ScoreFusion;
import dev.loupe.engine.image.ImageDecoder;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.network.Architecture;
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
    private final CellScorer scorer;
    private final ImageDecoder decoder = ImageDecoder.service();
    private final float[] input;
    private final ScoreFusion fusion;
    private final AppearanceFeatures looks;
    private final double[] description = new double[AppearanceFeatures.LENGTH];

    private Detector(TrainedModel model) {
        this.model = model;
        this.scorer = new CellScorer(model.weights(), model.mode(), model.memory());
        int s = model.inputSize();
        this.input = new float[3 * s * s];
        this.fusion = model.fusion().orElse(null);
        this.looks = fusion != null ? new AppearanceFeatures(s) : null;
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
        Resizer.toPlanar(image, model.inputSize(), input);
        double appearanceTerm = 0;
        if (fusion != null) {
            looks.describe(input, description);
            appearanceTerm = fusion.appearanceTerm(description);
        }
        model.normalization().apply(input);
        float[] cells = scorer.cells(input);
        Architecture a = model.weights().architecture();
        double network = a.imageScore(cells);
        double raw = fusion != null ? fusion.fuse(network, appearanceTerm) : network;
        double score = model.calibration().normalise(raw);
        boolean anomalous = model.calibration().isAnomalous(raw);
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
            double cell = a.scored(i % grid, i / grid) ? cells[i] : floor;
            heat[i] = (float) model.calibration().normalise(fusion != null ? fusion.fuse(cell, appearanceTerm) : cell);
        }
        return new Detection(anomalous, anomalous ? score : 1 - score, score, raw,
                new HeatMap(grid, heat, image.width(), image.height()));
    }

    @Override
    public void close() {
        scorer.close();
    }
}
