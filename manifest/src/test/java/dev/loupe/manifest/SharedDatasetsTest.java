package dev.loupe.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real manifest in ../shared/datasets validates, and its images resolve to files. */
class SharedDatasetsTest {
    static Path datasets() {
        Path shared = Path.of(System.getProperty("loupe.shared", "../../shared"));
        Path d = shared.resolve("datasets");
        assumeTrue(Files.isDirectory(d), "skipped: the shared datasets are not at " + d.toAbsolutePath());
        return d;
    }

    @Test
    void everyRealManifestValidatesAndResolves() throws IOException {
        Path d = datasets();
        List<Path> manifests;
        try (Stream<Path> s = Files.walk(d)) {
            manifests = s.filter(p -> p.toString().endsWith(".manifest")).sorted().toList();
        }
        assertTrue(manifests.size() >= 5, "manifests found: " + manifests);
        for (Path file : manifests) {
            Manifest m = Manifest.read(file);
            assertTrue(m.entries().size() > 0, file.toString());
            // cookie's manifests under dataset-files/manifests refer to dataset-files/.
            Path base = file.getParent().getFileName().toString().equals("manifests") ? file.getParent().getParent() : file.getParent();
            ImageLocator loc = ImageLocator.builder().base(base).bucket("lookout-samples", d).build();
            for (ManifestEntry e : m.entries()) {
                assertTrue(Files.isRegularFile(loc.resolve(e.sourceRef())), file + ":" + e.line() + " " + e.sourceRef());
                e.mask().ifPresent(mask -> assertTrue(Files.isRegularFile(loc.resolve(mask.ref())), mask.ref()));
            }
        }
    }

    @Test
    void cookieTemplateIsASegmentationManifestWithOneClass() throws IOException {
        Manifest m = Manifest.read(datasets().resolve("cookie/dataset-files/manifests/template.manifest"));
        assertEquals(63, m.entries().size());
        assertTrue(m.isSegmentation());
        assertEquals(List.of(new AnomalyClass("cracked", new HexColor(0x23A436))), m.classes());
    }
}
