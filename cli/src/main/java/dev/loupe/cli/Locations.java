package dev.loupe.cli;

import dev.loupe.manifest.ImageLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that say where image references point: base folder, bucket map, S3 root. */
final class Locations {
    @Option(names = "--base", paramLabel = "DIR",
            description = "Folder that relative references resolve against (default: the manifest's own folder).")
    Path base;

    @Option(names = "--bucket", paramLabel = "NAME=DIR",
            description = "Resolve s3://NAME/key to DIR/key. Repeatable.")
    List<String> buckets = new ArrayList<>();

    @Option(names = "--s3-root", paramLabel = "DIR",
            description = "Folder with one sub-folder per bucket, for buckets not named by --bucket.")
    Path s3Root;

    /** The locator for a manifest at {@code manifest}. */
    ImageLocator locator(Path manifest, CommandLine command) {
        Path folder = manifest.toAbsolutePath().getParent();
        ImageLocator.Builder b = ImageLocator.builder().base(base != null ? base : folder).s3Root(s3Root);
        bucketMap(command).forEach(b::bucket);
        return b.build();
    }

    /** The {@code --bucket} options as a map, in the order given. */
    Map<String, Path> bucketMap(CommandLine command) {
        Map<String, Path> map = new LinkedHashMap<>();
        for (String mapping : buckets) {
            int eq = mapping.indexOf('=');
            if (eq <= 0 || eq == mapping.length() - 1) {
                throw new CommandLine.ParameterException(command, "--bucket takes NAME=DIR, got \"" + mapping + "\"");
            }
            map.put(mapping.substring(0, eq), Path.of(mapping.substring(eq + 1)));
        }
        return map;
    }
}
