package dev.loupe.cli;

import dev.loupe.api.LocalLookoutVision;
import dev.loupe.api.model.Anomaly;
import dev.loupe.api.model.DetectAnomalyResult;
import dev.loupe.api.model.ModelDescription;
import dev.loupe.api.model.RequestBody;
import dev.loupe.cli.report.HtmlReport;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestEntry;
import dev.loupe.segmentation.model.SegmentationConfig;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loupe demo}: the whole product on embedded data, offline, in a few minutes. Generates a
 * seeded set of washer photos with four defect classes and their masks, then goes through the
 * facade as an application would: a project per model type, train and test datasets, a
 * classification and a segmentation model trained and evaluated, each hosted and asked about a
 * few held-out images, and an HTML report per model.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Train and evaluate a classification and a segmentation model on generated washer photos, "
                + "through the Lookout for Vision facade, and write HTML reports (offline, a few minutes)."})
final class DemoCommand implements Callable<Integer> {
    /** Left in the output folder, so that a second run may clear what the first one wrote. */
    private static final String MARKER = ".loupe-demo";

    @Spec
    CommandSpec spec;

    @Option(names = "--output", defaultValue = "loupe-demo", paramLabel = "DIR",
            description = "Output folder: data, workspace, reports (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the data and the training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    TrainingOptions training;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        prepare(output);
        // Ten images of each of the four classes in each dataset: the service's minimum for a
        // segmentation model with separate train and test datasets.
        GeneratedDataset data = DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(seed)
                .size(128, 128).train(10, 40).test(10, 40).multiDefectRate(0).build(), output.resolve("data"));
        err.printf("generated %s: washers, classes %s%n", data.root(),
                data.classes().stream().map(c -> c.name()).toList());
        // Demo-sized training: the defaults suit real photos and take longer.
        ModelConfig classification = training.apply(ModelConfig.defaults().withSeed(seed).withEpochs(25));
        SegmentationConfig segmentation = training.apply(SegmentationConfig.defaults().withSeed(seed).withInputSize(128)
                .withEpochs(30));
        List<String> summary = new ArrayList<>();
        try (LocalLookoutVision lv = LocalLookoutVision.builder().workspace(output.resolve("workspace"))
                .bucket("demo-output", output.resolve("evaluation")).modelConfig(classification)
                .segmentationConfig(segmentation).trainingListener(new ModelCommand.ProgressBar(err)).build()) {
            summary.add(run(lv, "washers-classification", data.trainManifest(), data.testManifest(), err));
            summary.add(run(lv, "washers-segmentation", data.segmentationTrain(), data.segmentationTest(), err));
        }
        out.printf(Locale.ROOT, "%nloupe demo: done in %.0f s (seed %d)%n", (System.nanoTime() - start) / 1e9, seed);
        summary.forEach(out::print);
        out.printf("try your own images:  ./loupe --workspace %s detect washers-segmentation latest %s%n",
                output.resolve("workspace"), output.resolve("data/images/test"));
        return Loupe.OK;
    }

    /** One project through the facade; returns its lines of the summary. */
    private String run(LocalLookoutVision lv, String project, Path train, Path test, PrintWriter err) throws IOException {
        lv.createProject(b -> b.projectName(project));
        lv.createDataset(b -> b.projectName(project).datasetType("train"), train);
        lv.createDataset(b -> b.projectName(project).datasetType("test"), test);
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName(project).datasetType("train"));
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName(project).datasetType("test"));
        String version = lv.createModel(b -> b.projectName(project)
                .outputConfig(o -> o.s3Location(s -> s.bucket("demo-output").prefix(project + "/")))).modelMetadata()
                .modelVersion();
        // A failed training ends the wait with a WaiterException naming the status and its message.
        ModelDescription d = lv.waiter().waitUntilModelTrained(b -> b.projectName(project).modelVersion(version))
                .matched().response().orElseThrow().modelDescription();
        err.println();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%n%s: model %s %s, F1 %s, precision %s, recall %s%n", project, version,
                d.status(), Reports.number(d.performance().f1Score()), Reports.number(d.performance().precision()),
                Reports.number(d.performance().recall())));
        // Hosted as an application would use it: StartModel, DetectAnomalies, StopModel.
        lv.startModel(b -> b.projectName(project).modelVersion(version).minInferenceUnits(1));
        lv.waiter().waitUntilModelHosted(b -> b.projectName(project).modelVersion(version));
        for (Path image : heldOut(test)) {
            DetectAnomalyResult r = lv.detectAnomalies(b -> b.projectName(project).modelVersion(version)
                    .contentType("image/png"), RequestBody.fromFile(image)).detectAnomalyResult();
            s.append(String.format(Locale.ROOT, "  DetectAnomalies %-22s -> %s, confidence %.3f%s%n",
                    image.getFileName(), r.isAnomalous() ? "anomalous" : "normal", r.confidence(), classes(r)));
        }
        lv.stopModel(b -> b.projectName(project).modelVersion(version));
        lv.waiter().waitUntilModelStopped(b -> b.projectName(project).modelVersion(version));
        Path page = HtmlReport.write(Reports.trained(lv, o -> output.resolve("evaluation").resolve(o.key()), project, d),
                output.resolve("report").resolve(project));
        s.append("  report: ").append(page.toAbsolutePath().normalize()).append('\n');
        return s.toString();
    }

    /** Two normal and two anomalous images of the test manifest. */
    private static List<Path> heldOut(Path test) throws IOException {
        Manifest m = Manifest.read(test);
        List<Path> out = new ArrayList<>();
        for (Label label : List.of(Label.NORMAL, Label.ANOMALY)) {
            m.entries().stream().filter(e -> e.label() == label).limit(2).map(ManifestEntry::sourceRef)
                    .map(ref -> test.toAbsolutePath().getParent().resolve(ref)).forEach(out::add);
        }
        return out;
    }

    private static String classes(DetectAnomalyResult r) {
        if (r.anomalies() == null || r.anomalies().size() <= 1) {
            return "";
        }
        return ", " + String.join(", ", r.anomalies().stream().skip(1).map((Anomaly a) -> String.format(Locale.ROOT,
                "%s %.2f%%", a.name(), a.pixelAnomaly().totalPercentageArea() * 100)).toList());
    }

    /** Clears what an earlier demo wrote here; refuses a folder the demo did not make. */
    private static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER))) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw CommandFailure.of(dir + " exists and was not written by loupe demo; choose another --output");
                }
            }
        }
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "written by loupe demo; a new run clears this folder\n");
    }
}
