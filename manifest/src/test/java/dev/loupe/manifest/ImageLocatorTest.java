package dev.loupe.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLocatorTest {
    @TempDir
    Path dir;

    private static void assertRefused(ImageLocator loc, String ref, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loc.resolve(ref));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void relativeReferencesResolveAgainstTheBase() {
        ImageLocator loc = ImageLocator.of(dir.resolve("set"));
        assertEquals(dir.resolve("set/images/a.png"), loc.resolve("images/a.png"));
        assertEquals(dir.resolve("set/a.png"), loc.resolve("images/../a.png"));
        assertRefused(loc, "../secret.png", "outside the configured folders");
        assertRefused(loc, "/etc/passwd", "outside the configured folders");
        assertRefused(loc, "http://example/x.png", "unsupported reference scheme");
    }

    @Test
    void s3ThroughBucketMapThenS3Root() {
        ImageLocator loc = ImageLocator.builder()
                .bucket("mine", dir.resolve("local-mine"))
                .s3Root(dir.resolve("s3"))
                .build();
        assertEquals(dir.resolve("local-mine/train/1.png"), loc.resolve("s3://mine/train/1.png"));
        assertEquals(dir.resolve("s3/other/k/2.jpg"), loc.resolve("s3://other/k/2.jpg"));
        assertRefused(loc, "s3://mine/../other/x.png", "outside");
        assertRefused(loc, "s3://mine", "not an s3://bucket/key");
        assertRefused(ImageLocator.builder().build(), "s3://nobody/x.png", "--bucket nobody=DIR");
    }

    @Test
    void fileUrisAndAbsolutePathsOnlyInsideConfiguredFolders() {
        ImageLocator loc = ImageLocator.of(dir);
        Path inside = dir.resolve("a.png");
        assertEquals(inside, loc.resolve(inside.toUri().toString()));
        assertEquals(inside, loc.resolve(inside.toString()));
        assertRefused(loc, Path.of("/tmp/elsewhere.png").toUri().toString(), "outside");
    }

    @Test
    void symbolicLinksLeadingOutAreRefused() throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path outside = Files.writeString(dir.resolve("outside.png"), "x");
        Files.createSymbolicLink(base.resolve("link.png"), outside);
        Files.writeString(base.resolve("real.png"), "x");
        ImageLocator loc = ImageLocator.of(base);
        assertEquals(base.resolve("real.png"), loc.resolve("real.png"));
        assertRefused(loc, "link.png", "outside");
    }
}
