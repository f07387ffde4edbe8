package dev.loupe.engine.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.engine.appearance.AppearanceFeatures;
import dev.loupe.engine.appearance.AppearanceModel;
import dev.loupe.engine.appearance.ScoreFusion;
import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.preprocess.Normalization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/** A detector's native arrays and heap stay flat over 10,000 detections of small images. */
class MemoryFlatTest {
    @Test
    void tenThousandDetectionsDoNotGrowMemory() {
        // With an appearance term, so the fused path (describing every image) is measured too.
        AppearanceFeatures looks = new AppearanceFeatures(32);
        List<double[]> normal = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            float[] planar = new float[3 * 32 * 32];
            for (int i = 0; i < planar.length; i++) {
                planar[i] = (i * k % 97) / 97f;
            }
            normal.add(looks.describe(planar));
        }
        ScoreFusion fusion = new ScoreFusion(AppearanceModel.fit(normal), 0, 1, 1, 0.1);
        TrainedModel model = new TrainedModel(TrainedModel.CLASSIFICATION,
                NetworkWeights.initial(new Architecture(32, new int[] {8, 16}, 1), 1),
                new Normalization(0.5f, 0.5f, 0.5f, 0.2f, 0.2f, 0.2f), ScoringMode.SUPERVISED, Optional.empty(), Optional.of(fusion),
                new Calibration(0, 1, Calibration.MAX_F1), new Provenance("t", 0, 0, 0, 0, 1, "t", Map.of(), 0), Map.of());
        byte[] rgb = new byte[64 * 64 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 31);
        }
        RgbImage image = RgbImage.of(64, 64, rgb);
        try (Detector d = Detector.open(model)) {
            for (int i = 0; i < 1000; i++) {
                d.detect(image);
            }
            long[] start = sample();
            for (int i = 0; i < 9000; i++) {
                d.detect(image);
            }
            long[] end = sample();
            long nativeGrowth = end[0] - start[0];
            long heapGrowth = end[1] - start[1];
            System.out.printf("memory over 9000 detections: native arrays %+d KB, heap %+d KB, resident %+d KB%n",
                    nativeGrowth / 1024, heapGrowth / 1024, (end[2] - start[2]) / 1024);
            // Leaking one input tensor per call (12 KB) would be over 100 MB here; a few MB of
            // slack covers arrays whose release waits for the next garbage collection.
            assertTrue(nativeGrowth < 8L << 20, "native arrays grew by " + nativeGrowth + " bytes");
            assertTrue(heapGrowth < 16L << 20, "heap grew by " + heapGrowth + " bytes");
        }
    }

    /**
     * Bytes held by native arrays (JavaCPP's count of what ND4J allocated and has not freed), heap
     * bytes in use, and the process's resident bytes (for information: the allocator and the JIT
     * move it for reasons of their own), after collecting garbage.
     */
    private static long[] sample() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return new long[] {Pointer.totalBytes(), r.totalMemory() - r.freeMemory(), Pointer.physicalBytes()};
    }
}
