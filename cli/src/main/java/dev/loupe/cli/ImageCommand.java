package dev.loupe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.image.ImageDecoder;
import dev.loupe.engine.image.ImageHeader;
import dev.loupe.engine.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loupe image ...}: look at one image as the engine sees it. */
@Command(name = "image", description = "Inspect images.", subcommands = ImageCommand.Info.class,
        mixinStandardHelpOptions = true)
final class ImageCommand {

    /** {@code loupe image info}: format, size and orientation, after a full decode. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print an image's format, width, height and EXIF orientation; the whole image is decoded, "
                    + "so a truncated file is caught.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("not found: " + file);
            }
            ImageDecoder decoder = ImageDecoder.service();
            ImageHeader h = decoder.header(file);
            RgbImage img = decoder.decode(file);
            if (json) {
                ObjectNode o = Json.object();
                o.put("file", file.toString());
                o.put("format", h.format().name());
                o.put("contentType", h.format().contentType());
                o.put("width", img.width());
                o.put("height", img.height());
                o.put("storedWidth", h.width());
                o.put("storedHeight", h.height());
                o.put("orientation", h.orientation());
                o.put("bytes", Files.size(file));
                spec.commandLine().getOut().println(Json.write(o));
            } else {
                spec.commandLine().getOut().printf("%s: %s %dx%d, orientation %d%s, %d bytes%n", file, h.format(),
                        img.width(), img.height(), h.orientation(),
                        h.orientation() == 1 ? "" : " (stored " + h.width() + "x" + h.height() + ")", Files.size(file));
            }
            return Loupe.OK;
        }
    }
}
