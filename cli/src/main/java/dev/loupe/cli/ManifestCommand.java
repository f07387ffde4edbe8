package dev.loupe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.image.ClassMask;
import dev.loupe.engine.image.ImageDecoder;
import dev.loupe.engine.image.ImageLimits;
import dev.loupe.engine.image.MaskDecoder;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestEntry;
import dev.loupe.manifest.ManifestProblem;
import dev.loupe.manifest.ManifestReader;
import dev.loupe.manifest.MaskAnnotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loupe manifest ...}: work with Ground Truth manifests. */
@Command(name = "manifest", description = "Work with SageMaker Ground Truth manifests.",
        subcommands = ManifestCommand.Validate.class, mixinStandardHelpOptions = true)
final class ManifestCommand {

    /** {@code loupe manifest validate}: every line and every image checked as the service would. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Validate a manifest and the images and masks it names.",
                    "Exit 0 when valid, 1 with file:line: field: message for each problem."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "MANIFEST", description = "The manifest file (JSON Lines).")
        Path manifest;

        @Mixin
        Locations locations;

        @Option(names = "--json", description = "Print one JSON object on standard output.")
        boolean json;

        @Option(names = "--no-images", description = "Check the lines only; do not open images or masks.")
        boolean noImages;

        @Override
        public Integer call() throws IOException {
            ImageLocator locator = locations.locator(manifest, spec.commandLine());
            Manifest.Check check;
            try (ManifestReader reader = ManifestReader.open(manifest)) {
                check = Manifest.check(reader);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("manifest not found: " + manifest);
            }
            Manifest m = check.manifest();
            List<ManifestProblem> problems = new ArrayList<>(check.problems());
            if (!noImages) {
                problems.addAll(checkImages(m, locator));
            }
            if (json) {
                spec.commandLine().getOut().println(Json.write(toJson(m, problems)));
            } else {
                print(m, problems);
            }
            return problems.isEmpty() ? Loupe.OK : Loupe.BAD_INPUT;
        }

        /** Decodes every image and mask (in parallel, reported in line order). */
        private static List<ManifestProblem> checkImages(Manifest m, ImageLocator locator) {
            ImageDecoder decoder = ImageDecoder.service();
            MaskDecoder masks = new MaskDecoder(m.classes());
            return m.entries().parallelStream()
                    .map(e -> checkEntry(m.file(), e, locator, decoder, masks))
                    .flatMap(List::stream)
                    .toList();
        }

        private static List<ManifestProblem> checkEntry(String file, ManifestEntry e, ImageLocator locator,
                                                        ImageDecoder decoder, MaskDecoder masks) {
            List<ManifestProblem> out = new ArrayList<>();
            RgbImage image = null;
            try {
                image = decoder.decode(existing(locator.resolve(e.sourceRef())));
            } catch (NoSuchFileException ex) {
                out.add(new ManifestProblem(file, e.line(), "source-ref", "not found: " + ex.getFile()));
            } catch (IllegalArgumentException | IOException ex) {
                out.add(new ManifestProblem(file, e.line(), "source-ref", ex.getMessage()));
            }
            if (e.mask().isPresent()) {
                MaskAnnotation mask = e.mask().get();
                try {
                    ClassMask cm = masks.decode(Files.readAllBytes(existing(locator.resolve(mask.ref()))), ImageLimits.SERVICE);
                    if (image != null && (cm.width() != image.width() || cm.height() != image.height())) {
                        out.add(new ManifestProblem(file, e.line(), mask.attribute(), "mask is " + cm.width() + "x"
                                + cm.height() + " but the image is " + image.width() + "x" + image.height()));
                    }
                    long[] histogram = cm.histogram(masks.classes().size());
                    List<AnomalyClass> listed = mask.anomalyClasses();
                    boolean anyListed = listed.stream().anyMatch(c -> histogram[masks.classes().indexOf(c) + 1] > 0);
                    if (e.label() == Label.ANOMALY && !listed.isEmpty() && !anyListed) {
                        out.add(new ManifestProblem(file, e.line(), mask.attribute(), "the mask has no pixels of "
                                + "any listed class colour " + listed.stream().map(c -> c.color().toString()).toList()
                                + "; the service failed training on such masks"));
                    }
                } catch (NoSuchFileException ex) {
                    out.add(new ManifestProblem(file, e.line(), mask.attribute(), "not found: " + ex.getFile()));
                } catch (IllegalArgumentException | IOException ex) {
                    out.add(new ManifestProblem(file, e.line(), mask.attribute(), ex.getMessage()));
                }
            }
            return out;
        }

        private static Path existing(Path p) throws NoSuchFileException {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString());
            }
            return p;
        }

        private static ObjectNode toJson(Manifest m, List<ManifestProblem> problems) {
            ObjectNode o = Json.object();
            o.put("entries", m.entries().size());
            o.put("normal", m.count(Label.NORMAL));
            o.put("anomaly", m.count(Label.ANOMALY));
            o.put("unlabeled", m.count(Label.UNLABELED));
            o.put("segmentation", m.isSegmentation());
            ArrayNode classes = o.putArray("classes");
            for (AnomalyClass c : m.classes()) {
                classes.addObject().put("name", c.name()).put("color", c.color().toString());
            }
            ArrayNode warnings = o.putArray("warnings");
            m.warnings().forEach(w -> warnings.add(w.toString()));
            ArrayNode ps = o.putArray("problems");
            for (ManifestProblem p : problems) {
                ps.addObject().put("file", p.file()).put("line", p.line()).put("field", p.field()).put("message", p.message());
            }
            return o;
        }

        private void print(Manifest m, List<ManifestProblem> problems) {
            var out = spec.commandLine().getOut();
            out.printf("%s: %d entries (%d normal, %d anomaly, %d unlabeled), %s manifest%n", m.file(),
                    m.entries().size(), m.count(Label.NORMAL), m.count(Label.ANOMALY), m.count(Label.UNLABELED),
                    m.isSegmentation() ? "segmentation" : "classification");
            for (AnomalyClass c : m.classes()) {
                out.printf("  class %s %s%n", c.name(), c.color());
            }
            m.warnings().forEach(w -> out.println("warning: " + w));
            problems.forEach(out::println);
            out.println(problems.isEmpty() ? "valid" : problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        }
    }
}
