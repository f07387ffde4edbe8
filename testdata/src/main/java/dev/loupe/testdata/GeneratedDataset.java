package dev.loupe.testdata;

import dev.loupe.manifest.AnomalyClass;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a generated dataset was written. The manifests sit in {@code root} and refer to images
 * by paths relative to it, so each manifest's own folder is the base folder to resolve against.
 *
 * @param root                 the dataset's folder
 * @param config               what was generated
 * @param classes              the anomaly classes of the part kind, with their mask colours
 * @param trainManifest        classification training manifest
 * @param testManifest         classification test manifest
 * @param segmentationTrain    segmentation training manifest (anomalies carry masks)
 * @param segmentationTest     segmentation test manifest
 */
public record GeneratedDataset(Path root, GeneratorConfig config, List<AnomalyClass> classes, Path trainManifest,
                               Path testManifest, Path segmentationTrain, Path segmentationTest) {
    public GeneratedDataset {
        classes = List.copyOf(classes);
    }
}
