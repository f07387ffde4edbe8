package dev.loupe.cli.report;

import java.util.Locale;

/** Text into HTML and SVG, and numbers into text the same way on every machine ({@link Locale#ROOT}). */
final class Html {
    private Html() {
    }

    /**
     * {@code text} escaped for element content and quoted attribute values alike, so one function
     * serves everywhere and an image named {@code <b>"&"} shows as written.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code value} with {@code digits} decimals, or "n/a" when it is not a number. */
    static String number(double value, int digits) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "n/a";
    }

    /** A figure as the caller formatted it, except that a missing or NaN one reads "n/a". */
    static String figure(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("nan")) {
            return "n/a";
        }
        return value;
    }

    /** An SVG coordinate: one decimal is finer than a screen pixel and keeps the file small. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
