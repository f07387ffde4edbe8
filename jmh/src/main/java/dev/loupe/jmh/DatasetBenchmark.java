package dev.loupe.jmh;

import dev.loupe.api.LookoutVision;
import dev.loupe.api.dataset.EntryImporter;
import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.ListDatasetEntriesRequest;
import dev.loupe.api.model.ListDatasetEntriesResponse;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.waiters.LookoutVisionWaiter;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.ManifestEntry;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The facade's dataset operations at the service's maximum, 16,000 images (64x64 PNGs, 1 in 8
 * anomalous, 1 in 16 of the rest unlabeled). {@code listAllFiltered} and {@code listAllUnfiltered}:
 * ListDatasetEntries paged through the whole dataset, 100 entries a page, following NextToken to
 * the end (one op is the whole walk; the target is 2 s with a filter on the 2-core CI machine).
 * {@code import16k}: CreateDataset from the 16,000-line manifest until CREATE_COMPLETE, every
 * image's header read and checked (the target is 30 s).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DatasetBenchmark {
    static final int IMAGES = EntryImporter.MAX_IMAGES;
    static final String PROJECT = "bench";
    static final String TYPE = "train";

    /** The label of image {@code i}: 1 in 8 anomalous, 1 in 16 of the others unlabeled, else normal. */
    static Label label(int i) {
        if (i % 8 == 7) {
            return Label.ANOMALY;
        }
        return i % 16 == 2 ? Label.UNLABELED : Label.NORMAL;
    }

    /** 16,000 distinct PNGs in {@code images/}, and {@code train.manifest} beside them, per trial. */
    @State(Scope.Benchmark)
    public static class Images {
        Path dir;
        Path manifest;
        /** How many entries the filtered listing must return. */
        int normal;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = Files.createTempDirectory("loupe-jmh-dataset");
            Path images = Files.createDirectories(dir.resolve("images"));
            manifest = dir.resolve("train.manifest");
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try (BufferedWriter out = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
                for (int i = 0; i < IMAGES; i++) {
                    String name = String.format("img-%05d.png", i);
                    draw(g, image, i);
                    ImageIO.write(image, "png", images.resolve(name).toFile());
                    Label label = label(i);
                    normal += label == Label.NORMAL ? 1 : 0;
                    out.write(ManifestEntry.of("images/" + name, label).json());
                    out.write('\n');
                }
            } finally {
                g.dispose();
            }
        }

        /** A washer-like ring whose colours and place vary with {@code i}, and {@code i} itself in the top row. */
        private static void draw(Graphics2D g, BufferedImage image, int i) {
            g.setColor(new Color(40 + i % 50, 60 + i / 50 % 50, 90 + i / 2500 % 50));
            g.fillRect(0, 0, 64, 64);
            int x = 8 + i % 13;
            int y = 8 + i / 13 % 13;
            g.setColor(new Color(180 + i % 61, 170 + i % 37, 160 + i % 23));
            g.fillOval(x, y, 40, 40);
            g.setColor(new Color(40 + i % 50, 60 + i / 50 % 50, 90 + i / 2500 % 50));
            g.fillOval(x + 14, y + 14, 12, 12);
            if (label(i) == Label.ANOMALY) {
                g.setColor(Color.DARK_GRAY);
                g.drawLine(x + 4, y + 20, x + 18, y + 6 + i % 9);
            }
            for (int bit = 0; bit < 16; bit++) {
                image.setRGB(bit, 0, (i >> bit & 1) == 0 ? 0 : 0xffffff);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            delete(dir);
        }
    }

    /** A workspace with the 16,000 images imported once, per trial. */
    @State(Scope.Benchmark)
    public static class Imported {
        Path workspace;
        LookoutVision lv;
        int expectedFiltered;

        @Setup(Level.Trial)
        public void setUp(Images images) throws IOException {
            workspace = Files.createTempDirectory("loupe-jmh-workspace");
            lv = LookoutVision.local(workspace);
            lv.createProject(b -> b.projectName(PROJECT));
            importAndCheck(lv, images.manifest);
            expectedFiltered = images.normal;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            lv.close();
            delete(workspace);
        }
    }

    /** An empty project in a workspace of its own; the dataset of the previous op deleted before each. */
    @State(Scope.Benchmark)
    public static class Empty {
        Path workspace;
        LookoutVision lv;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            workspace = Files.createTempDirectory("loupe-jmh-workspace");
            lv = LookoutVision.local(workspace);
            lv.createProject(b -> b.projectName(PROJECT));
        }

        @Setup(Level.Iteration)
        public void deleteDataset() {
            try {
                lv.deleteDataset(b -> b.projectName(PROJECT).datasetType(TYPE));
            } catch (ResourceNotFoundException e) {
                // the first iteration: nothing imported yet
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            lv.close();
            delete(workspace);
        }
    }

    @Benchmark
    public int listAllFiltered(Imported data, Blackhole bh) {
        int n = listAll(data.lv, ListDatasetEntriesRequest.builder().projectName(PROJECT).datasetType(TYPE)
                .labeled(true).anomalyClass("normal").sourceRefContains("img-").maxResults(100).build(), bh);
        if (n != data.expectedFiltered) {
            throw new IllegalStateException("listed " + n + " normal entries; expected " + data.expectedFiltered);
        }
        return n;
    }

    @Benchmark
    public int listAllUnfiltered(Imported data, Blackhole bh) {
        int n = listAll(data.lv, ListDatasetEntriesRequest.builder().projectName(PROJECT).datasetType(TYPE)
                .maxResults(100).build(), bh);
        if (n != IMAGES) {
            throw new IllegalStateException("listed " + n + " entries; expected " + IMAGES);
        }
        return n;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public DatasetDescription import16k(Images images, Empty empty) {
        return importAndCheck(empty.lv, images.manifest);
    }

    /** Pages through every entry the request matches; returns how many there were. */
    private static int listAll(LookoutVision lv, ListDatasetEntriesRequest first, Blackhole bh) {
        ListDatasetEntriesRequest request = first;
        int n = 0;
        while (true) {
            ListDatasetEntriesResponse page = lv.listDatasetEntries(request);
            for (String entry : page.datasetEntries()) {
                bh.consume(entry);
                n++;
            }
            if (page.nextToken() == null) {
                return n;
            }
            request = request.toBuilder().nextToken(page.nextToken()).build();
        }
    }

    /** CreateDataset from {@code manifest}, waited for; throws unless it ends CREATE_COMPLETE with every image. */
    static DatasetDescription importAndCheck(LookoutVision lv, Path manifest) {
        lv.createDataset(b -> b.projectName(PROJECT).datasetType(TYPE), manifest);
        DatasetDescription d = LookoutVisionWaiter.builder().client(lv).pollInterval(Duration.ofMillis(10)).build()
                .waitUntilDatasetCreated(b -> b.projectName(PROJECT).datasetType(TYPE))
                .matched().response().orElseThrow().datasetDescription();
        if (d.status() != DatasetStatus.CREATE_COMPLETE || d.imageStats().total() != IMAGES) {
            throw new IllegalStateException("import ended " + d.status() + " with " + d.imageStats().total()
                    + " images (expected CREATE_COMPLETE with " + IMAGES + "): " + d.statusMessage());
        }
        return d;
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
