package dev.loupe.cli;

import dev.loupe.engine.archive.ArchiveContainer;
import dev.loupe.engine.archive.ModelArchive;
import dev.loupe.engine.image.ImageDecoder;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.model.Detection;
import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.segmentation.archive.SegmentationArchive;
import dev.loupe.segmentation.edge.EdgeResult;
import dev.loupe.segmentation.model.SegmentationDetector;
import dev.loupe.segmentation.model.SegmentationModel;
import dev.loupe.segmentation.model.SegmentationResult;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A model archive of either type opened in this process for one thread, answering with the
 * service's result and a picture of where it looked: the heat map of a classification model
 * (which DetectAnomalies does not return), the predicted mask of a segmentation model.
 */
final class LoadedModel implements AutoCloseable {
    private final ImageDecoder decoder = ImageDecoder.service();
    private final Detector classifier;
    private final SegmentationDetector segmenter;

    private LoadedModel(Detector classifier, SegmentationDetector segmenter) {
        this.classifier = classifier;
        this.segmenter = segmenter;
    }

    /** @throws dev.loupe.engine.archive.InvalidArchiveException for a damaged, newer or unknown archive */
    static LoadedModel open(byte[] archive, String name) {
        if (ArchiveContainer.modelType(archive, name).equals(SegmentationModel.SEGMENTATION)) {
            return new LoadedModel(null, SegmentationDetector.open(SegmentationArchive.fromBytes(archive, name)));
        }
        return new LoadedModel(Detector.open(ModelArchive.fromBytes(archive, name)), null);
    }

    String modelType() {
        return classifier != null ? TrainedModel.CLASSIFICATION : SegmentationModel.SEGMENTATION;
    }

    /** The raw score at which the model calls an image anomalous. */
    double threshold() {
        return classifier != null ? classifier.model().calibration().threshold()
                : segmenter.model().calibration().threshold();
    }

    Provenance provenance() {
        return classifier != null ? classifier.model().provenance() : segmenter.model().provenance();
    }

    /**
     * One image's answer.
     *
     * @param result  what DetectAnomalies answers
     * @param score   the normalised anomaly score, 0.5 at the threshold
     * @param overlay the photo with the heat map or the predicted classes painted on
     */
    record Finding(EdgeResult result, double score, BufferedImage overlay) {
        List<String> classesFound() {
            return result.anomalies().stream().skip(1).map(EdgeResult.Anomaly::name).toList();
        }
    }

    /** @throws dev.loupe.engine.image.InvalidImageException for bytes the service would refuse */
    Finding inspect(byte[] image) {
        RgbImage photo = decoder.decode(image);
        if (classifier != null) {
            Detection d = classifier.detect(photo);
            return new Finding(EdgeResult.of(d), d.score(), d.heatMap().overlay(photo));
        }
        SegmentationResult r = segmenter.detect(photo);
        return new Finding(EdgeResult.of(r), r.score(), Overlays.mask(r, photo));
    }

    @Override
    public void close() {
        if (classifier != null) {
            classifier.close();
        } else {
            segmenter.close();
        }
    }
}
