package dev.loupe.engine.image;

/**
 * What an image may be: bytes and pixels per side. {@link #SERVICE} holds Lookout for Vision's
 * limits (64 to 4096 pixels a side, at most 8 MB).
 *
 * @param minSide  the smallest width or height allowed
 * @param maxSide  the largest width or height allowed
 * @param maxBytes the largest encoded size allowed
 */
public record ImageLimits(int minSide, int maxSide, long maxBytes) {
    public static final ImageLimits SERVICE = new ImageLimits(64, 4096, 8L * 1024 * 1024);

    public ImageLimits {
        if (minSide < 1 || maxSide < minSide || maxBytes < 1) {
            throw new IllegalArgumentException("bad image limits: sides " + minSide + ".." + maxSide + ", bytes " + maxBytes);
        }
    }
}
