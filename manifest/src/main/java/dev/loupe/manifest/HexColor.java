package dev.loupe.manifest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An opaque RGB colour as manifests write it ({@code #rrggbb}, either case). Compared by value,
 * printed upper-case as the service returned colours.
 *
 * @param rgb the colour as {@code 0xRRGGBB}
 */
public record HexColor(int rgb) {
    private static final Pattern SYNTAX = Pattern.compile("#[0-9a-fA-F]{6}");

    public static final HexColor WHITE = new HexColor(0xFFFFFF);
    public static final HexColor BLACK = new HexColor(0x000000);

    public HexColor {
        if ((rgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("colour out of range: 0x" + Integer.toHexString(rgb));
        }
    }

    /**
     * Parses {@code #rrggbb}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the text when it is not of that form
     */
    public static HexColor parse(String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("not a colour of the form #rrggbb: \"" + text + "\"");
        }
        return new HexColor(Integer.parseInt(text.substring(1), 16));
    }

    public static boolean isValid(String text) {
        return text != null && SYNTAX.matcher(text).matches();
    }

    public int red() {
        return (rgb >> 16) & 0xFF;
    }

    public int green() {
        return (rgb >> 8) & 0xFF;
    }

    public int blue() {
        return rgb & 0xFF;
    }

    /** {@code #RRGGBB}, upper-case. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "#%06X", rgb);
    }
}
