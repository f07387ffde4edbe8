package dev.loupe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.cli.CliTest.Result;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The lifecycle from a shell, in order, on one workspace: projects, datasets, a model trained
 * with a progress bar and a report, detection, packaging, deletion; errors with the service's
 * names and the documented exit codes. Small images and few epochs keep it to seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleCommandTest {
    @TempDir
    static Path dir;
    static GeneratedDataset data;
    static final String[] TINY = {"--epochs", "3", "--input-size", "64", "--channels", "8,16,16"};

    @BeforeAll
    static void generate() throws IOException {
        data = DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(4).size(64, 64)
                .train(12, 10).test(10, 10).multiDefectRate(0).build(), dir.resolve("data"));
    }

    static Result loupe(String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", dir.resolve("ws").toString()));
        all.addAll(Arrays.asList(args));
        return CliTest.run(all.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void projectsAreCreatedListedAndRefusedTwice() throws IOException {
        Result created = loupe("project", "create", "washers");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().contains("arn:aws:lookoutvision:local:000000000000:project/washers"), created.out());
        Result again = loupe("project", "create", "washers");
        assertEquals(1, again.code());
        assertTrue(again.err().startsWith("loupe: ConflictException: "), again.err());
        assertFalse(again.err().contains("\tat "), "no stack trace without --debug");
        Result bad = loupe("project", "create", "no spaces");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("ValidationException") && bad.err().contains("projectName"), bad.err());
        Result missing = loupe("project", "describe", "nope");
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("loupe: ResourceNotFoundException: "), missing.err());
        assertEquals("washers", Json.MAPPER.readTree(loupe("project", "list", "--json").out().strip())
                .get("ProjectName").asText());
    }

    @Test
    @Order(2)
    void datasetsImportAndFailWithFileAndLine() throws IOException {
        Result train = loupe("dataset", "create", "washers", "--type", "train", "--manifest", data.trainManifest().toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("train dataset of project washers: CREATE_COMPLETE"), train.out());
        assertTrue(train.out().contains("22 images: 22 labeled (12 normal, 10 anomalous), 0 unlabeled"), train.out());

        Path broken = dir.resolve("broken.manifest");
        Files.writeString(broken, Files.readAllLines(data.testManifest()).get(0) + "\n{\"source-ref\":\"images/none.png\"}\n");
        Result failed = loupe("dataset", "create", "washers", "--type", "test", "--manifest", broken.toString());
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("CREATE_FAILED") && failed.err().contains(broken + ":2"), failed.err());
        assertEquals(0, loupe("dataset", "delete", "washers", "--type", "test").code());

        Result test = loupe("dataset", "create", "washers", "--type", "test", "--manifest", data.testManifest().toString());
        assertEquals(0, test.code(), test.err());
        JsonNode d = Json.MAPPER.readTree(loupe("dataset", "describe", "washers", "--type", "test", "--json").out());
        assertEquals("CREATE_COMPLETE", d.get("Status").asText());
        assertEquals(10, d.get("ImageStats").get("Anomaly").asInt());
        Result anomalies = loupe("dataset", "list-entries", "washers", "--type", "train", "--anomaly-class", "anomaly");
        assertEquals(10, anomalies.out().strip().split("\n").length);

        // UpdateDatasetEntries: a line with a new source-ref adds an entry; a bad one changes nothing.
        Path changes = dir.resolve("changes.jsonl");
        Files.writeString(changes, Files.readAllLines(data.testManifest()).get(0).replace("images/test/", "images/train/") + "\n");
        Result updated = loupe("dataset", "update", "washers", "--type", "train", "--changes", changes.toString());
        assertEquals(0, updated.code(), updated.err());
        assertTrue(updated.out().contains("UPDATE_COMPLETE"), updated.out());
        Files.writeString(changes, "{\"source-ref\":\"images/train/missing.png\",\"anomaly-label\":1}\n");
        Result refused = loupe("dataset", "update", "washers", "--type", "train", "--changes", changes.toString());
        assertEquals(1, refused.code(), refused.out());
        JsonNode after = Json.MAPPER.readTree(loupe("dataset", "describe", "washers", "--type", "train", "--json").out());
        assertEquals(22, after.get("ImageStats").get("Total").asInt(), "the replaced line kept the count; the bad update changed nothing");
    }

    @Test
    @Order(3)
    void modelCreateTrainsWithAProgressBarAndWritesTheReport() throws IOException {
        Path report = dir.resolve("report");
        List<String> args = new ArrayList<>(List.of("model", "create", "washers", "--wait", "--report", report.toString()));
        args.addAll(List.of(TINY));
        Result r = loupe(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("model 1 (arn:aws:lookoutvision:local:000000000000:model/washers/1): TRAINED"), r.out());
        assertTrue(r.err().contains("washers/1 [") && r.err().contains("epoch 3/3, loss "), r.err());
        String page = Files.readString(report.resolve("index.html"));
        assertEquals(20, page.split("<img ", -1).length - 1, "one gallery picture per test image");
        assertTrue(page.contains("washers model 1") && page.contains("<svg"), "title and charts");

        assertTrue(loupe("model", "list", "washers").out().startsWith("1\tTRAINED\tF1 "));
        JsonNode d = Json.MAPPER.readTree(loupe("model", "describe", "washers", "latest", "--json").out());
        assertEquals("TRAINED", d.get("Status").asText());
        assertTrue(d.get("Performance").has("F1Score"));
        assertTrue(Files.exists(dir.resolve("ws/output/washers/EvaluationResult-washers-1.json")),
                "the output location defaults to a folder in the workspace");
    }

    @Test
    @Order(4)
    void detectAnswersInTheServiceShapeAndDrawsOverlays() throws IOException {
        Path images = data.root().resolve("images/test");
        long count;
        try (Stream<Path> s = Files.list(images)) {
            count = s.count();
        }
        Path overlays = dir.resolve("overlays");
        Result r = loupe("detect", "washers", "1", images.toString(), "--json", "--overlay", overlays.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(count, lines.length);
        JsonNode first = Json.MAPPER.readTree(lines[0]);
        assertTrue(first.get("Image").asText().endsWith(".png"));
        JsonNode result = first.get("DetectAnomalyResult");
        assertEquals("direct", result.get("Source").get("Type").asText());
        assertTrue(result.get("IsAnomalous").isBoolean() && result.get("Confidence").isNumber());
        try (Stream<Path> s = Files.list(overlays)) {
            assertEquals(count, s.filter(p -> p.toString().endsWith(".overlay.png")).count());
        }
        Result human = loupe("detect", "washers", "latest", first.get("Image").asText());
        // Three decimals; a clear verdict rounds to 1.000.
        assertTrue(human.out().matches("(?s).*\\.png: (normal|anomalous) \\(confidence (0\\.\\d{3}|1\\.000)\\)\\s*"),
                human.out());

        Path broken = dir.resolve("broken.png");
        Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Result refused = loupe("detect", "washers", "1", broken.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains(broken + ": ValidationException"), refused.err());
        assertEquals(1, loupe("detect", "washers", "7", broken.toString()).code(), "no such version");
    }

    @Test
    @Order(5)
    void packagingWritesAGreengrassComponent() {
        Result r = loupe("model", "package", "washers", "1", "--component", "washer-inspector");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("SUCCEEDED") && r.out().contains("washer-inspector 1.0.0"), r.out());
        assertTrue(Files.exists(dir.resolve("ws/output/washers/components/washer-inspector-1.0.0.zip")));
        Result both = loupe("model", "package", "washers", "1", "--component", "x", "--target-device", "jetson_xavier",
                "--target-platform", "LINUX/X86_64");
        assertEquals(2, both.code(), "device and platform exclude each other: a usage error");
    }

    @Test
    @Order(6)
    void deletionGoesModelsDatasetsProject() {
        assertEquals(1, loupe("project", "delete", "washers").code(), "a project with datasets is not deleted");
        assertEquals(0, loupe("model", "delete", "washers", "1").code());
        assertEquals(0, loupe("dataset", "delete", "washers", "--type", "train").code());
        assertEquals(0, loupe("dataset", "delete", "washers", "--type", "test").code());
        assertEquals(0, loupe("project", "delete", "washers").code());
        assertEquals("", loupe("project", "list").out());
    }

    @Test
    void usageErrorsExitTwoAndEveryCommandHasHelp() {
        assertEquals(2, loupe("model", "create").code());
        assertEquals(2, loupe("dataset", "create", "p", "--type").code());
        assertEquals(2, loupe("nonsense").code());
        List<String> missing = new ArrayList<>();
        helpless(new CommandLine(new Loupe()), missing);
        assertEquals(List.of(), missing, "commands without --help");
        Result completion = CliTest.run("generate-completion");
        assertEquals(0, completion.code());
        assertTrue(completion.out().contains("complete -F") && completion.out().contains("list-entries"));
    }

    private static void helpless(CommandLine c, List<String> missing) {
        if (!c.getCommandName().equals("help") && !c.getCommandSpec().optionsMap().containsKey("--help")) {
            missing.add(c.getCommandSpec().qualifiedName());
        }
        c.getSubcommands().values().forEach(s -> helpless(s, missing));
    }
}
