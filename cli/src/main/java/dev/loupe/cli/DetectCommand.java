package dev.loupe.cli;

import dev.loupe.api.model.DescribeModelRequest;
import dev.loupe.engine.image.InvalidImageException;
import dev.loupe.segmentation.edge.EdgeResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe detect}: a trained model answers images, loaded in this process from the
 * workspace (no StartModel needed, and the workspace is released before the first image).
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Detect anomalies in images (PNG or JPEG files, or folders of them) with a trained model.",
                "With --json, one line per image: {\"Image\":path,\"DetectAnomalyResult\":{...}} as the service "
                        + "answers DetectAnomalies."})
final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "1", paramLabel = "VERSION", description = "Model version, or latest.")
    String version;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "IMAGE", description = "Image files or folders.")
    List<Path> inputs;

    @Option(names = "--json", description = "One JSON object per image, in the service's response shape.")
    boolean json;

    @Option(names = "--overlay", paramLabel = "DIR",
            description = "Write each image with its heat map (classification) or predicted mask (segmentation) here.")
    Path overlay;

    @Override
    public Integer call() throws IOException {
        List<Path> images = images();
        byte[] archive;
        try (Session s = Session.open(spec)) {
            archive = s.lv().modelArchive(DescribeModelRequest.builder().projectName(project).modelVersion(version).build());
        }
        if (overlay != null) {
            Files.createDirectories(overlay);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int refused = 0;
        try (LoadedModel model = LoadedModel.open(archive, project + "/" + version)) {
            for (Path image : images) {
                LoadedModel.Finding f;
                try {
                    f = model.inspect(Files.readAllBytes(image));
                } catch (InvalidImageException e) {
                    // As DetectAnomalies refused such bytes; the other images still get answers.
                    err.println("loupe: " + image + ": ValidationException: " + e.getMessage());
                    refused++;
                    continue;
                }
                EdgeResult r = f.result();
                if (json) {
                    var line = Json.object().put("Image", image.toString());
                    line.setAll(r.toJsonNode());
                    out.println(Json.write(line));
                } else {
                    out.printf(Locale.ROOT, "%s: %s (confidence %.3f)%s%n", image, r.isAnomalous() ? "anomalous" : "normal",
                            r.confidence(), classes(r));
                }
                if (overlay != null) {
                    String name = image.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".overlay.png";
                    Files.write(overlay.resolve(name), Overlays.png(f.overlay()));
                }
            }
        }
        if (refused > 0) {
            throw CommandFailure.of(refused + " of " + images.size() + " images could not be analysed");
        }
        return Loupe.OK;
    }

    private static String classes(EdgeResult r) {
        if (r.anomalies().size() <= 1) {
            return "";
        }
        StringBuilder s = new StringBuilder(";");
        for (EdgeResult.Anomaly a : r.anomalies().subList(1, r.anomalies().size())) {
            s.append(String.format(Locale.ROOT, " %s %.2f%% %s", a.name(), a.totalPercentageArea() * 100, a.color()));
        }
        return s.toString();
    }

    /** The files named, and the PNG and JPEG files of the folders named, in name order. */
    private List<Path> images() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                            .matches(".*\\.(png|jpe?g)")).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw CommandFailure.of(p + ": no such file or folder");
            }
        }
        if (out.isEmpty()) {
            throw CommandFailure.of("no PNG or JPEG images in " + inputs);
        }
        return out;
    }
}
