package dev.loupe.segmentation.model;

import dev.loupe.engine.image.ClassMask;
import dev.loupe.engine.image.ImageLimits;
import dev.loupe.engine.image.MaskDecoder;
import dev.loupe.engine.model.DatasetLoader;
import dev.loupe.engine.model.LabeledImage;
import dev.loupe.engine.model.Splits;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestException;
import dev.loupe.manifest.ManifestProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a segmentation manifest's images and masks. Every image or mask that cannot be found or
 * decoded is reported, with file, line and field, in one {@link ManifestException}.
 */
public final class SegmentationData {
    private SegmentationData() {
    }

    /**
     * @param classes the class list masks are decoded against (index i+1 is classes.get(i)); for
     *                a test set, the training set's classes
     */
    public static List<SegmentedImage> load(Manifest manifest, ImageLocator locator, List<AnomalyClass> classes) {
        List<LabeledImage> images = DatasetLoader.load(manifest, locator);
        MaskDecoder decoder = new MaskDecoder(classes);
        List<ManifestProblem> problems = new ArrayList<>();
        List<SegmentedImage> out = new ArrayList<>();
        for (LabeledImage i : images) {
            if (i.entry().mask().isEmpty()) {
                out.add(new SegmentedImage(i, Optional.empty()));
                continue;
            }
            String ref = i.entry().mask().get().ref();
            String field = i.entry().mask().get().attribute();
            try {
                Path path = locator.resolve(ref);
                ClassMask mask = decoder.decode(Files.readAllBytes(path), ImageLimits.SERVICE);
                out.add(new SegmentedImage(i, Optional.of(mask)));
            } catch (NoSuchFileException e) {
                problems.add(new ManifestProblem(manifest.file(), i.entry().line(), field, "mask not found: " + ref));
            } catch (IOException | IllegalArgumentException e) { // InvalidImageException among them
                problems.add(new ManifestProblem(manifest.file(), i.entry().line(), field, "cannot read mask " + ref
                        + ": " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(problems);
        }
        return out;
    }

    /**
     * A seeded split of the labelled images, stratified by image label as the engine's
     * {@link Splits#stratified} does (unlabelled images are left out), keeping each image's mask.
     */
    public static Split stratified(List<SegmentedImage> images, double fraction, long seed) {
        List<SegmentedImage> labeled = images.stream().filter(i -> i.image().label() != Label.UNLABELED).toList();
        Map<LabeledImage, SegmentedImage> back = new IdentityHashMap<>();
        labeled.forEach(i -> back.put(i.image(), i));
        Splits.Split split = Splits.stratified(labeled.stream().map(SegmentedImage::image).toList(), fraction, seed);
        return new Split(split.first().stream().map(back::get).toList(), split.second().stream().map(back::get).toList());
    }

    /**
     * Two parts of a set of segmented images.
     *
     * @param first  the larger part (training)
     * @param second the held-out part
     */
    public record Split(List<SegmentedImage> first, List<SegmentedImage> second) {
        public Split {
            first = List.copyOf(first);
            second = List.copyOf(second);
        }
    }
}
