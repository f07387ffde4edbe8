package dev.loupe.segmentation.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.archive.ArchiveContainer;
import dev.loupe.engine.archive.InvalidArchiveException;
import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.preprocess.Normalization;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;
import dev.loupe.segmentation.model.RegionClassifier;
import dev.loupe.segmentation.model.SegmentationModel;
import dev.loupe.segmentation.network.SegmentationArchitecture;
import dev.loupe.segmentation.network.SegmentationWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-class pixel thresholds round-trip, and an archive from before them still loads. */
class SegmentationArchiveTest {
    private static SegmentationModel model(double[] thresholds) {
        SegmentationArchitecture a = new SegmentationArchitecture(32, new int[] {4, 8}, 2);
        return new SegmentationModel(List.of(new AnomalyClass("scratch", HexColor.parse("#00FF00")),
                new AnomalyClass("stain", HexColor.parse("#FF0000"))), SegmentationWeights.initial(a, 1),
                new Normalization(0.5f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f), new Calibration(0.2, 0.1, Calibration.MAX_F1),
                thresholds, RegionClassifier.NONE, new Provenance("test", 1, 1, 1, 1, 1, "test", Map.of(), 0), Map.of());
    }

    @Test
    void perClassThresholdsRoundTrip() throws Exception {
        byte[] bytes = SegmentationArchive.toBytes(model(new double[] {0.3, 0.7}));
        assertArrayEquals(new double[] {0.3, 0.7}, SegmentationArchive.fromBytes(bytes, "m").pixelThresholds());
    }

    @Test
    void anArchiveWithOneThresholdGivesItToEveryClass() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(ArchiveContainer.read(
                SegmentationArchive.toBytes(model(new double[] {0.3, 0.7})), "m"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(entries.get(ArchiveContainer.MODEL));
        ObjectNode calibration = (ObjectNode) root.get("calibration");
        calibration.remove("pixelThresholds");
        calibration.put("pixelThreshold", 0.4);   // as written before per-class thresholds
        entries.put(ArchiveContainer.MODEL, json.writeValueAsBytes(root));
        entries.remove("checksums.json");        // written afresh over the edited entries
        SegmentationModel old = SegmentationArchive.fromBytes(ArchiveContainer.write(entries), "old");
        assertArrayEquals(new double[] {0.4, 0.4}, old.pixelThresholds());
        assertEquals(2, old.classes().size());
    }

    @Test
    void theRegionClassifierRoundTripsAndItsAbsenceLoadsAsNone() throws Exception {
        double[][] means = new double[4][6];
        double[][] variances = new double[4][6];
        for (int row = 0; row < 4; row++) {
            for (int f = 0; f < 6; f++) {
                means[row][f] = row - f * 0.25;
                variances[row][f] = 0.5 + row * f * 0.01;
            }
        }
        RegionClassifier regions = new RegionClassifier(means, variances, new double[] {-0.1, -2.4, -0.7, -0.7}, 2);
        SegmentationModel m = model(new double[] {0.3, 0.7}).withRegions(regions);
        SegmentationModel back = SegmentationArchive.fromBytes(SegmentationArchive.toBytes(m), "m");
        assertEquals(regions, back.regions());

        byte[] without = SegmentationArchive.toBytes(model(new double[] {0.3, 0.7}));
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(ArchiveContainer.read(without, "m")
                .get(ArchiveContainer.MODEL));
        assertFalse(root.has("regions"));
        assertEquals(RegionClassifier.NONE, SegmentationArchive.fromBytes(without, "m").regions());
    }

    @Test
    void aDamagedRegionClassifierIsRefusedNamingTheArchive() throws Exception {
        double[][] rows = {{0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}};
        double[][] ones = {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}};
        SegmentationModel m = model(new double[] {0.3, 0.7})
                .withRegions(new RegionClassifier(rows, ones, new double[] {-1, -1, -1, -1}, 1));
        Map<String, byte[]> entries = new LinkedHashMap<>(ArchiveContainer.read(SegmentationArchive.toBytes(m), "m"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(entries.get(ArchiveContainer.MODEL));
        ((ObjectNode) root.get("regions")).put("weight", -1);
        entries.put(ArchiveContainer.MODEL, json.writeValueAsBytes(root));
        entries.remove("checksums.json");
        InvalidArchiveException e = assertThrows(InvalidArchiveException.class,
                () -> SegmentationArchive.fromBytes(ArchiveContainer.write(entries), "edited.loupe"));
        assertTrue(e.getMessage().contains("edited.loupe"), e.getMessage());
    }
}
