package dev.loupe.cli.report;

import static dev.loupe.cli.report.Html.escape;
import static dev.loupe.cli.report.Html.number;

import dev.loupe.engine.metrics.Confusion;
import dev.loupe.engine.metrics.Ranking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link Report} as one self-contained {@code index.html}: it must open years later, on a
 * machine without network, mailed or archived as a single file. So pictures are {@code data:} URIs,
 * charts inline SVG, styles inline, there is no script, and a content security policy forbids the
 * page to load anything else, which turns any slip into a visible error rather than a silent fetch.
 */
public final class HtmlReport {
    /** Bins of the score histogram on 0..1: twenty bins of 0.05 keep the threshold on a bin edge. */
    static final int BINS = 20;

    private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   color: #1d1d1f; background: #f6f7f9; margin: 0; }
            main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 18px; margin: 32px 0 12px; border-bottom: 1px solid #dde0e4; padding-bottom: 4px; }
            .sub { color: #5f6368; margin: 0 0 16px; }
            .note { color: #5f6368; font-style: italic; }
            table { border-collapse: collapse; background: #fff; }
            th, td { padding: 5px 12px; border: 1px solid #dde0e4; text-align: left; vertical-align: top; }
            th { background: #eef0f3; font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .na { color: #9aa0a6; }
            .charts { display: flex; flex-wrap: wrap; gap: 16px; }
            .charts figure { margin: 0; background: #fff; border: 1px solid #dde0e4; border-radius: 6px; padding: 8px; }
            figcaption { font-size: 13px; color: #3c4043; text-align: center; margin-top: 4px; }
            svg.chart { display: block; max-width: 100%; height: auto; }
            svg.chart text { fill: #3c4043; }
            #confusion td { text-align: center; min-width: 120px; font-size: 15px; }
            #confusion td.right { background: #e6f4ea; }
            #confusion td.wrong { background: #fce8e6; }
            #confusion small { display: block; color: #5f6368; font-size: 11px; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px;
                      vertical-align: -1px; border: 1px solid rgba(0,0,0,.25); }
            .gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 14px; }
            .card { margin: 0; background: #fff; border: 1px solid #dde0e4; border-radius: 6px; overflow: hidden; }
            .card.mistake { border: 2px solid #d93025; }
            .card img { display: block; width: 100%; max-width: 100%; height: auto; background: #222; }
            .card .nopic { height: 120px; display: flex; align-items: center; justify-content: center;
                           color: #9aa0a6; background: #f1f3f4; }
            .card figcaption { text-align: left; padding: 6px 10px 8px; margin: 0; }
            .card .name { font-weight: 600; overflow-wrap: anywhere; }
            .verdict { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 6px; border-radius: 8px;
                       color: #fff; background: #d93025; }
            .verdict.ok { background: #188038; }
            dl { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 4px 0 0; }
            dt { color: #5f6368; } dd { margin: 0; }
            """;

    private HtmlReport() {
    }

    /** Writes {@code dir/index.html}, creating {@code dir}, and returns the file's path. */
    public static Path write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("index.html");
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    /** The page as text. */
    public static String render(Report report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("img-src data:; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(report.title())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header(h, report);
        figures(h, report.figures());
        charts(h, report);
        confusion(h, report.images());
        classes(h, report.classes());
        gallery(h, report);
        provenance(h, report.provenance());
        return h.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void header(StringBuilder h, Report r) {
        long anomalies = r.images().stream().filter(ReportImage::anomalous).count();
        h.append("<h1>").append(escape(r.title())).append("</h1>\n<p class=\"sub\">Model type: <b>")
                .append(escape(r.modelType())).append("</b> · ").append(r.images().size()).append(" test images (")
                .append(r.images().size() - anomalies).append(" normal, ").append(anomalies)
                .append(" anomalous) · threshold ").append(number(r.threshold(), 2)).append("</p>\n");
    }

    private static void figures(StringBuilder h, Map<String, String> figures) {
        h.append("<h2>Figures</h2>\n");
        if (figures.isEmpty()) {
            h.append("<p class=\"note\">No figures.</p>\n");
            return;
        }
        h.append("<table id=\"figures\">\n");
        figures.forEach((label, value) -> {
            String shown = Html.figure(value);
            h.append("<tr><th>").append(escape(label)).append("</th><td class=\"num")
                    .append(shown.equals("n/a") ? " na" : "").append("\">").append(escape(shown)).append("</td></tr>\n");
        });
        h.append("</table>\n");
    }

    private static void charts(StringBuilder h, Report r) {
        List<ReportImage> scored = r.images().stream().filter(i -> Double.isFinite(i.score())).toList();
        double[] scores = scored.stream().mapToDouble(ReportImage::score).toArray();
        boolean[] truth = new boolean[scored.size()];
        int anomalies = 0;
        for (int i = 0; i < truth.length; i++) {
            truth[i] = scored.get(i).anomalous();
            anomalies += truth[i] ? 1 : 0;
        }
        int normals = truth.length - anomalies;
        h.append("<h2>Curves and scores</h2>\n");
        if (scored.isEmpty()) {
            h.append("<p class=\"note\" id=\"no-images\">No test images")
                    .append(r.images().isEmpty() ? "" : " with a score").append(": no curves or score distribution.</p>\n");
            return;
        }
        h.append("<div class=\"charts\">\n<figure>");
        if (anomalies == 0 || normals == 0) {
            h.append("<p class=\"note chart-note\">ROC curve undefined: the test images are all ")
                    .append(anomalies == 0 ? "normal" : "anomalous").append(".</p>");
        } else {
            double auc = Ranking.rocAuc(scores, truth);
            h.append(Charts.roc(Curves.roc(scores, truth), "ROC curve"))
                    .append("<figcaption>ROC curve · AUROC ").append(number(auc, 4)).append("</figcaption>");
        }
        h.append("</figure>\n<figure>");
        if (anomalies == 0) {
            h.append("<p class=\"note chart-note\">Precision-recall curve undefined: no anomalous test images.</p>");
        } else {
            double ap = Ranking.averagePrecision(scores, truth);
            h.append(Charts.precisionRecall(Curves.precisionRecall(scores, truth), anomalies / (double) truth.length,
                            "Precision-recall curve"))
                    .append("<figcaption>Precision-recall curve · AP ").append(number(ap, 4)).append("</figcaption>");
        }
        h.append("</figure>\n<figure>");
        List<Double> normal = new ArrayList<>();
        List<Double> anomalous = new ArrayList<>();
        for (ReportImage i : scored) {
            (i.anomalous() ? anomalous : normal).add(i.score());
        }
        h.append(Charts.histogram(Curves.histogram(unbox(normal), BINS), Curves.histogram(unbox(anomalous), BINS),
                        r.threshold(), "Score distribution"))
                .append("<figcaption>Score distribution · ").append(key(Charts.NORMAL)).append(normals)
                .append(" normal · ").append(key(Charts.ANOMALOUS)).append(anomalies)
                .append(" anomalous</figcaption></figure>\n</div>\n");
        int unscored = r.images().size() - scored.size();
        if (unscored > 0) {
            h.append("<p class=\"note\">").append(unscored).append(unscored == 1 ? " image has" : " images have")
                    .append(" no finite score and is left out of the charts.</p>\n");
        }
    }

    private static String key(String color) {
        return "<span class=\"swatch\" style=\"background:" + color + "\"></span>";
    }

    private static void confusion(StringBuilder h, List<ReportImage> images) {
        boolean[] truth = new boolean[images.size()];
        boolean[] called = new boolean[images.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = images.get(i).anomalous();
            called[i] = images.get(i).calledAnomalous();
        }
        Confusion c = Confusion.of(truth, called);
        h.append("<h2>Confusion matrix</h2>\n<table id=\"confusion\">\n")
                .append("<tr><th></th><th>called normal</th><th>called anomalous</th></tr>\n")
                .append("<tr><th>truly normal</th>").append(cell("tn", "TN", c.tn(), true))
                .append(cell("fp", "FP", c.fp(), false)).append("</tr>\n")
                .append("<tr><th>truly anomalous</th>").append(cell("fn", "FN", c.fn(), false))
                .append(cell("tp", "TP", c.tp(), true)).append("</tr>\n</table>\n");
        if (c.total() > 0) {
            h.append("<p>Accuracy ").append(number((c.tp() + c.tn()) / (double) c.total(), 4))
                    .append(" · precision ").append(number(c.precision(), 4))
                    .append(" · recall ").append(number(c.recall(), 4))
                    .append(" · F1 ").append(number(c.f1(), 4)).append("</p>\n");
        }
    }

    private static String cell(String id, String label, long count, boolean right) {
        return "<td data-cell=\"" + id + "\" class=\"" + (right ? "right" : "wrong") + "\">" + count
                + "<small>" + label + "</small></td>";
    }

    private static void classes(StringBuilder h, List<ClassRow> classes) {
        if (classes.isEmpty()) {
            return;
        }
        h.append("<h2>Per-class metrics</h2>\n<table id=\"classes\">\n<tr><th>Class</th><th>Precision</th>")
                .append("<th>Recall</th><th>F1</th><th>aIoU</th><th>Most often missed as</th></tr>\n");
        for (ClassRow c : classes) {
            h.append("<tr><td>");
            if (HEX_COLOR.matcher(c.color()).matches()) {
                h.append("<span class=\"swatch\" style=\"background:").append(c.color()).append("\" title=\"")
                        .append(escape(c.color())).append("\"></span>");
            }
            h.append(escape(c.className()));
            if (!c.color().isEmpty() && !HEX_COLOR.matcher(c.color()).matches()) {
                h.append(" <span class=\"na\">(").append(escape(c.color())).append(")</span>");
            }
            h.append("</td>").append(numberCell(c.precision())).append(numberCell(c.recall()))
                    .append(numberCell(c.f1())).append(numberCell(c.aiou()))
                    .append(c.missedAs().isEmpty() ? "<td class=\"na\">-</td>" : "<td>" + escape(c.missedAs()) + "</td>")
                    .append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static String numberCell(double v) {
        return "<td class=\"num" + (Double.isFinite(v) ? "" : " na") + "\">" + number(v, 4) + "</td>";
    }

    private static void gallery(StringBuilder h, Report r) {
        h.append("<h2>Test images</h2>\n");
        if (r.images().isEmpty()) {
            h.append("<p class=\"note\">No test images.</p>\n");
            return;
        }
        long mistakes = r.images().stream().filter(ReportImage::mistaken).count();
        h.append("<p class=\"sub\">").append(mistakes).append(mistakes == 1 ? " mistake" : " mistakes")
                .append(" first, the most confidently wrong leading; then the correct verdicts, least confident first.</p>\n")
                .append("<div class=\"gallery\" id=\"gallery\">\n");
        for (ReportImage i : Gallery.order(r.images(), r.threshold())) {
            card(h, i);
        }
        h.append("</div>\n");
    }

    private static void card(StringBuilder h, ReportImage i) {
        h.append("<figure class=\"card").append(i.mistaken() ? " mistake" : "").append("\">");
        byte[] picture = i.overlay();
        String mime = picture == null ? null : mime(picture);
        if (mime != null) {
            h.append("<img alt=\"").append(escape(i.name())).append("\" src=\"data:").append(mime).append(";base64,")
                    .append(Base64.getEncoder().encodeToString(picture)).append("\">");
        } else {
            h.append("<div class=\"nopic\">").append(picture == null ? "no picture" : "picture not PNG or JPEG")
                    .append("</div>");
        }
        String verdict = !i.mistaken() ? "correct" : i.anomalous() ? "false negative" : "false positive";
        // A break opportunity after each slash, so that a path wraps between its folders.
        h.append("<figcaption><div class=\"name\">").append(escape(i.name()).replace("/", "/<wbr>")).append("</div>")
                .append("<span class=\"verdict").append(i.mistaken() ? "" : " ok").append("\">").append(verdict)
                .append("</span><dl>")
                .append("<dt>truth</dt><dd>").append(i.anomalous() ? "anomalous" : "normal").append("</dd>")
                .append("<dt>called</dt><dd>").append(i.calledAnomalous() ? "anomalous" : "normal").append("</dd>")
                .append("<dt>score</dt><dd>").append(number(i.score(), 4)).append("</dd>")
                .append("<dt>classes</dt><dd>")
                .append(i.classesFound().isEmpty() ? "none" : escape(String.join(", ", i.classesFound())))
                .append("</dd></dl></figcaption></figure>\n");
    }

    /** The picture's type from its first bytes, or null for anything a browser might not show. */
    static String mime(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private static void provenance(StringBuilder h, Map<String, String> provenance) {
        h.append("<h2>Provenance</h2>\n");
        if (provenance.isEmpty()) {
            h.append("<p class=\"note\">No provenance recorded.</p>\n");
            return;
        }
        h.append("<table id=\"provenance\">\n");
        provenance.forEach((label, value) -> h.append("<tr><th>").append(escape(label)).append("</th><td>")
                .append(value == null ? "<span class=\"na\">n/a</span>" : escape(value)).append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
