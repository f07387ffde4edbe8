package dev.loupe.cli;

import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestReader;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loupe demo}: the main job on embedded data. For now it generates the seeded demo
 * datasets and validates and summarises their manifests; training joins it when the engine lands.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the seeded demo datasets, validate them and print a summary (offline).")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--output", defaultValue = "loupe-demo", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int problems = 0;
        for (PartKind kind : PartKind.values()) {
            GeneratedDataset d = DatasetGenerator.generate(GeneratorConfig.builder(kind).seed(seed).build(),
                    output.resolve(kind.id()));
            out.printf("%s (%s)%n", kind.id(), d.root());
            for (Path manifest : new Path[] {d.trainManifest(), d.testManifest(), d.segmentationTrain(), d.segmentationTest()}) {
                Manifest.Check check;
                try (ManifestReader reader = ManifestReader.open(manifest)) {
                    check = Manifest.check(reader);
                }
                Manifest m = check.manifest();
                problems += check.problems().size();
                out.printf("  %-18s %3d images: %2d normal, %2d anomalous%s%s%n", manifest.getFileName(),
                        m.entries().size(), m.count(Label.NORMAL), m.count(Label.ANOMALY),
                        m.isSegmentation() ? ", classes " + m.classes().stream().map(AnomalyClass::name).toList() : "",
                        check.valid() ? "" : ", " + check.problems().size() + " problems");
            }
        }
        out.println(problems == 0 ? "all manifests valid; inspect one with: ./loupe manifest validate "
                + output.resolve("washer/seg-train.manifest") : problems + " problems");
        return problems == 0 ? Loupe.OK : Loupe.BAD_INPUT;
    }
}
