package dev.loupe.engine.image;

/**
 * What an image's header says, read without decoding pixels.
 *
 * @param format      PNG or JPEG
 * @param width       the stored width, before orientation is applied
 * @param height      the stored height, before orientation is applied
 * @param orientation the EXIF orientation, 1 (as stored) to 8; 1 when absent
 */
public record ImageHeader(ImageFormat format, int width, int height, int orientation) {
    public ImageHeader {
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1..8, was " + orientation);
        }
    }

    /** The width once orientation is applied (orientations 5 to 8 swap the sides). */
    public int displayWidth() {
        return orientation >= 5 ? height : width;
    }

    /** The height once orientation is applied. */
    public int displayHeight() {
        return orientation >= 5 ? width : height;
    }
}
