package dev.loupe.cli.report;

import dev.loupe.engine.metrics.Confusion;
import dev.loupe.engine.metrics.Ranking;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/** Reports for the tests: a realistic one, drawn from a fixed seed, and the pictures in it. */
final class Samples {
    private Samples() {
    }

    /**
     * Twelve cookies, six normal and six cracked, the model wrong on one of each; overlays are
     * cookies with the predicted defect painted as a red blob, as the segmentation overlays are.
     */
    static Report realistic() {
        record Case(String name, boolean anomalous, double score, List<String> found) {
        }
        List<Case> cases = List.of(
                new Case("cookie/test/normal_004.png", false, 0.08, List.of()),
                new Case("cookie/test/normal_011.png", false, 0.15, List.of()),
                new Case("cookie/test/normal_017.png", false, 0.22, List.of()),
                new Case("cookie/test/normal_023.png", false, 0.31, List.of()),
                new Case("cookie/test/normal_029.png", false, 0.44, List.of()),
                new Case("cookie/test/normal_030 <crumbs & \"flour\">.png", false, 0.63, List.of("chipped")),
                new Case("cookie/test/cracked_002.png", true, 0.38, List.of()),
                new Case("cookie/test/cracked_005.png", true, 0.57, List.of("cracked")),
                new Case("cookie/test/cracked_009.png", true, 0.71, List.of("cracked")),
                new Case("cookie/test/cracked_013.png", true, 0.82, List.of("cracked", "chipped")),
                new Case("cookie/test/cracked_021.png", true, 0.90, List.of("cracked")),
                new Case("cookie/test/cracked_026.png", true, 0.97, List.of("chipped")));
        double threshold = 0.5;
        Random random = new Random(42);
        List<ReportImage> images = new ArrayList<>();
        for (Case c : cases) {
            boolean called = c.score() >= threshold;
            images.add(new ReportImage(c.name(), c.anomalous(), called, c.score(),
                    png(cookie(random, called ? c.score() : 0)), c.found()));
        }
        double[] scores = images.stream().mapToDouble(ReportImage::score).toArray();
        boolean[] truth = new boolean[images.size()];
        boolean[] verdicts = new boolean[images.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = images.get(i).anomalous();
            verdicts[i] = images.get(i).calledAnomalous();
        }
        Confusion confusion = Confusion.of(truth, verdicts);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("Image AUROC", format(Ranking.rocAuc(scores, truth)));
        figures.put("Image AP", format(Ranking.averagePrecision(scores, truth)));
        figures.put("Precision", format(confusion.precision()));
        figures.put("Recall", format(confusion.recall()));
        figures.put("F1", format(confusion.f1()));
        figures.put("Pixel AUROC", "NaN");
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("Model", "segmentation, resnet18 backbone, 256×256");
        provenance.put("Training manifest", "cookie/dataset-files/manifests/train.manifest (51 images)");
        provenance.put("Test manifest", "cookie/dataset-files/manifests/test.manifest (12 images)");
        provenance.put("Seed", "42");
        provenance.put("Loupe", "0.1.0-SNAPSHOT");
        provenance.put("Created", "2025-01-15T10:42:07Z");
        return new Report("Cookie crack detection — evaluation", "segmentation", figures, threshold, images,
                List.of(new ClassRow("cracked", "#23A436", 0.8123, 0.7644, 0.7876, 0.6498, "chipped (12 %)"),
                        new ClassRow("chipped", "#E0A21B", 0.6410, 0.5532, 0.5939, 0.4225)),
                provenance);
    }

    /** A cookie on a tray, with a red blob of strength {@code heat} (0: none) where a defect was found. */
    static BufferedImage cookie(Random random, double heat) {
        int w = 240;
        int h = 180;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(58, 52, 48));
        g.fillRect(0, 0, w, h);
        int cx = w / 2 + random.nextInt(21) - 10;
        int cy = h / 2 + random.nextInt(17) - 8;
        int r = 62 + random.nextInt(10);
        g.setPaint(new RadialGradientPaint(cx - 15f, cy - 15f, r * 1.3f, new float[] {0f, 1f},
                new Color[] {new Color(226, 176, 104), new Color(176, 118, 56)}));
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setColor(new Color(78, 46, 28));
        for (int i = 0; i < 9; i++) {
            double a = random.nextDouble() * 2 * Math.PI;
            double d = random.nextDouble() * (r - 14);
            g.fillOval((int) (cx + d * Math.cos(a)) - 5, (int) (cy + d * Math.sin(a)) - 4, 10, 8);
        }
        if (heat > 0) {
            int bx = cx + random.nextInt(41) - 20;
            int by = cy + random.nextInt(31) - 15;
            int br = (int) (18 + 26 * heat);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
            g.setPaint(new RadialGradientPaint(bx, by, br, new float[] {0f, 0.6f, 1f},
                    new Color[] {new Color(255, 0, 0, 255), new Color(255, 40, 0, 200), new Color(255, 200, 0, 0)}));
            g.fillOval(bx - br, by - br, 2 * br, 2 * br);
            g.setComposite(AlphaComposite.SrcOver);
            g.setStroke(new BasicStroke(2f));
            g.setColor(new Color(255, 40, 40));
            g.drawOval(bx - br / 2, by - br / 2, br, br);
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
