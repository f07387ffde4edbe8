package dev.loupe.cli.report;

import static dev.loupe.cli.report.Html.coordinate;
import static dev.loupe.cli.report.Html.escape;
import static dev.loupe.cli.report.Html.number;

import dev.loupe.cli.report.Curves.Point;
import java.util.List;

/**
 * The report's charts as inline SVG strings: drawn here rather than by a script library so that
 * the page needs nothing but itself and looks the same in any browser. All three share one plot
 * frame of unit axes with a grid at every fifth.
 */
final class Charts {
    static final String NORMAL = "#3b7dd8";
    static final String ANOMALOUS = "#e4572e";

    private static final int WIDTH = 360;
    private static final int HEIGHT = 300;
    private static final int LEFT = 50;
    private static final int RIGHT = 14;
    private static final int TOP = 24;
    private static final int BOTTOM = 44;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double PLOT_H = HEIGHT - TOP - BOTTOM;

    private Charts() {
    }

    /** The ROC curve through {@code points}, straight segments (a tie is a diagonal), over the chance line. */
    static String roc(List<Point> points, String title) {
        StringBuilder s = open("roc", title);
        frame(s, "False positive rate", "True positive rate", unitTicks());
        s.append(line(x(0), y(0), x(1), y(1), "#999", "stroke-dasharray=\"4 4\""));
        StringBuilder area = new StringBuilder().append(coordinate(x(0))).append(',').append(coordinate(y(0)));
        StringBuilder curve = new StringBuilder();
        for (Point p : points) {
            String xy = coordinate(x(p.x())) + "," + coordinate(y(p.y()));
            area.append(' ').append(xy);
            curve.append(curve.isEmpty() ? "" : " ").append(xy);
        }
        area.append(' ').append(coordinate(x(1))).append(',').append(coordinate(y(0)));
        s.append("<polygon points=\"").append(area).append("\" fill=\"").append(NORMAL).append("\" fill-opacity=\"0.12\"/>");
        s.append("<polyline points=\"").append(curve).append("\" fill=\"none\" stroke=\"").append(NORMAL)
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\"/>");
        return close(s);
    }

    /**
     * The precision-recall curve as the steps average precision sums: each point's precision holds
     * from the previous point's recall up to its own. The dashed line is the precision of calling
     * everything anomalous.
     */
    static String precisionRecall(List<Point> points, double prevalence, String title) {
        StringBuilder s = open("pr", title);
        frame(s, "Recall", "Precision", unitTicks());
        s.append(line(x(0), y(prevalence), x(1), y(prevalence), "#999", "stroke-dasharray=\"4 4\""));
        StringBuilder path = new StringBuilder();
        double recall = 0;
        for (Point p : points) {
            path.append(path.isEmpty() ? "M" : " L").append(coordinate(x(recall))).append(',').append(coordinate(y(p.y())));
            path.append(" L").append(coordinate(x(p.x()))).append(',').append(coordinate(y(p.y())));
            recall = p.x();
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(NORMAL)
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\"/>");
        return close(s);
    }

    /**
     * The score distribution: per bin on 0..1, normal images' bar on the left half and anomalous
     * images' on the right, so neither hides the other; the threshold is the labelled vertical line.
     */
    static String histogram(int[] normal, int[] anomalous, double threshold, String title) {
        if (normal.length != anomalous.length) {
            throw new IllegalArgumentException("bin counts differ: " + normal.length + " and " + anomalous.length);
        }
        int bins = normal.length;
        int max = 1;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, Math.max(normal[i], anomalous[i]));
        }
        int step = countStep(max);
        int top = (max + step - 1) / step * step;
        StringBuilder s = open("histogram", title);
        StringBuilder ticks = new StringBuilder();
        for (int c = 0; c <= top; c += step) {
            double yy = y(c / (double) top);
            ticks.append(line(LEFT, yy, LEFT + PLOT_W, yy, "#e6e6e6", ""));
            ticks.append(text(LEFT - 6, yy + 4, "end", Integer.toString(c)));
        }
        frame(s, "Anomaly score", "Images", ticks.toString());
        double binW = PLOT_W / bins;
        for (int i = 0; i < bins; i++) {
            bar(s, LEFT + i * binW + 1, binW / 2 - 1, normal[i] / (double) top, NORMAL);
            bar(s, LEFT + i * binW + binW / 2, binW / 2 - 1, anomalous[i] / (double) top, ANOMALOUS);
        }
        double tx = x(Math.max(0, Math.min(1, threshold)));
        s.append(line(tx, TOP - 4, tx, TOP + PLOT_H, "#222", "stroke-width=\"1.5\" stroke-dasharray=\"6 3\""));
        // Above the plot, where no bar can reach it; the legend is the caption's, outside the picture.
        String anchor = tx > LEFT + PLOT_W * 0.8 ? "end" : tx < LEFT + PLOT_W * 0.2 ? "start" : "middle";
        s.append(text(tx, TOP - 8, anchor, "threshold " + number(threshold, 2)));
        return close(s);
    }

    private static void bar(StringBuilder s, double left, double width, double fraction, String color) {
        if (fraction <= 0) {
            return;
        }
        double h = fraction * PLOT_H;
        s.append("<rect x=\"").append(coordinate(left)).append("\" y=\"").append(coordinate(TOP + PLOT_H - h))
                .append("\" width=\"").append(coordinate(Math.max(1, width))).append("\" height=\"")
                .append(coordinate(h)).append("\" fill=\"").append(color).append("\"/>");
    }

    /** A tick step for counts up to {@code max}: about five ticks, at 1, 2 or 5 times a power of ten. */
    static int countStep(int max) {
        int step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (max / (step * m) <= 5) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    private static String unitTicks() {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i <= 5; i++) {
            double v = i / 5.0;
            t.append(line(LEFT, y(v), LEFT + PLOT_W, y(v), "#e6e6e6", ""));
            t.append(line(x(v), TOP, x(v), TOP + PLOT_H, "#e6e6e6", ""));
            t.append(text(LEFT - 6, y(v) + 4, "end", number(v, 1)));
        }
        return t.toString();
    }

    /** Grid (given as {@code yTicks}), x ticks 0..1, the axes and their labels. */
    private static void frame(StringBuilder s, String xLabel, String yLabel, String yTicks) {
        s.append(yTicks);
        for (int i = 0; i <= 5; i++) {
            double v = i / 5.0;
            s.append(text(x(v), TOP + PLOT_H + 16, "middle", number(v, 1)));
        }
        s.append(line(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H, "#444", ""));
        s.append(line(LEFT, TOP, LEFT, TOP + PLOT_H, "#444", ""));
        s.append(text(LEFT + PLOT_W / 2, HEIGHT - 6, "middle", xLabel));
        s.append("<text x=\"14\" y=\"").append(coordinate(TOP + PLOT_H / 2)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(coordinate(TOP + PLOT_H / 2)).append(")\">").append(escape(yLabel)).append("</text>");
    }

    private static StringBuilder open(String id, String title) {
        return new StringBuilder().append("<svg id=\"").append(id).append("\" class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" font-size=\"11\"><title>").append(escape(title)).append("</title>");
    }

    private static String close(StringBuilder s) {
        return s.append("</svg>").toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String color, String extra) {
        return "<line x1=\"" + coordinate(x1) + "\" y1=\"" + coordinate(y1) + "\" x2=\"" + coordinate(x2) + "\" y2=\""
                + coordinate(y2) + "\" stroke=\"" + color + "\"" + (extra.isEmpty() ? "" : " " + extra) + "/>";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" text-anchor=\"" + anchor + "\">"
                + escape(content) + "</text>";
    }

    private static double x(double v) {
        return LEFT + v * PLOT_W;
    }

    private static double y(double v) {
        return TOP + (1 - v) * PLOT_H;
    }
}
