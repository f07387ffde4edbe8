package dev.loupe.cli;

import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loupe testdata ...}: synthetic datasets. */
@Command(name = "testdata", description = "Synthetic datasets of industrial parts.",
        subcommands = TestdataCommand.Generate.class, mixinStandardHelpOptions = true)
final class TestdataCommand {

    /** {@code loupe testdata generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Generate images, colour masks and train/test manifests (classification and segmentation).",
                    "The same options write the same bytes."})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Output folder; with --kind all, one sub-folder per kind.")
        Path dir;

        @Option(names = "--kind", defaultValue = "all", paramLabel = "KIND",
                description = "fabric, washer, board or all (default: ${DEFAULT-VALUE}).")
        String kind;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--size", defaultValue = "128x128", paramLabel = "WxH",
                description = "Image size (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--train", defaultValue = "20,12", paramLabel = "NORMAL,ANOMALOUS",
                description = "Training images (default: ${DEFAULT-VALUE}).")
        String train;

        @Option(names = "--test", defaultValue = "10,10", paramLabel = "NORMAL,ANOMALOUS",
                description = "Test images (default: ${DEFAULT-VALUE}).")
        String test;

        @Option(names = "--jpeg", description = "Write images as JPEG instead of PNG.")
        boolean jpeg;

        @Override
        public Integer call() throws IOException {
            int[] wh = pair(size, "x", "--size");
            int[] tr = pair(train, ",", "--train");
            int[] te = pair(test, ",", "--test");
            List<PartKind> kinds = kind.equalsIgnoreCase("all") ? List.of(PartKind.values()) : List.of(PartKind.fromId(kind));
            for (PartKind k : kinds) {
                GeneratorConfig config = GeneratorConfig.builder(k).seed(seed).size(wh[0], wh[1]).train(tr[0], tr[1])
                        .test(te[0], te[1]).jpeg(jpeg).build();
                Path out = kinds.size() == 1 ? dir : dir.resolve(k.id());
                GeneratedDataset d = DatasetGenerator.generate(config, out);
                spec.commandLine().getOut().printf("%s: %s, classes %s%n  %s%n  %s%n  %s%n  %s%n", k.id(), d.root(),
                        d.classes().stream().map(c -> c.name() + " " + c.color()).toList(), d.trainManifest(),
                        d.testManifest(), d.segmentationTrain(), d.segmentationTest());
            }
            return Loupe.OK;
        }

        private int[] pair(String text, String sep, String option) {
            String[] parts = text.split(sep, -1);
            try {
                if (parts.length == 2) {
                    return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
                }
            } catch (NumberFormatException e) {
                // fall through to the usage error
            }
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    option + " takes two numbers separated by '" + sep + "', got \"" + text + "\"");
        }
    }
}
