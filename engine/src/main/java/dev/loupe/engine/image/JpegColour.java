package dev.loupe.engine.image;

import java.awt.image.Raster;

/**
 * JPEG rasters to RGB, for the decoder's raster path: image I/O's own colour conversion of a
 * 576x768 photo costs more than decoding it (16 ms of 28 here), and it will not convert CMYK at
 * all. YCbCr uses the JFIF equations; CMYK and YCCK the simple (uncalibrated) formula libjpeg's
 * tools use: good enough for inspection, where what matters is that the same camera always gives
 * the same colours.
 */
final class JpegColour {
    /** No Adobe APP14 marker. */
    static final int NO_ADOBE = -1;
    /** Adobe transform 2: the channels are YCbCr plus K. */
    static final int YCCK = 2;

    private JpegColour() {
    }

    /**
     * What a JPEG's headers say about its colours, read up to the start of the scan.
     *
     * @param components     colour components in the frame (-1 when no frame header was found)
     * @param adobeTransform the Adobe APP14 transform byte, or {@link #NO_ADOBE}; Adobe's writers
     *                       also store CMYK inverted (0 = full ink), which its presence tells us
     * @param jfif           a JFIF APP0 marker is present
     * @param rgbIds         the component ids spell R, G, B
     */
    record Headers(int components, int adobeTransform, boolean jfif, boolean rgbIds) {
        /**
         * True when a 3-component JPEG stores YCbCr (libjpeg's rule): always with a JFIF marker;
         * with an Adobe marker, when its transform is 1; otherwise unless the ids spell R, G, B.
         */
        boolean yCbCr() {
            if (jfif || adobeTransform == 1) {
                return true;
            }
            return adobeTransform != 0 && !rgbIds;
        }
    }

    static Headers headers(byte[] jpeg) {
        int components = -1;
        int adobe = NO_ADOBE;
        boolean jfif = false;
        boolean rgbIds = false;
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDA || length < 2) {
                break; // start of scan: no more headers
            }
            if (marker == 0xE0 && i + 8 < jpeg.length && jpeg[i + 4] == 'J' && jpeg[i + 5] == 'F' && jpeg[i + 6] == 'I'
                    && jpeg[i + 7] == 'F') {
                jfif = true;
            }
            if (marker == 0xEE && length >= 12 && i + 15 < jpeg.length && jpeg[i + 4] == 'A' && jpeg[i + 5] == 'd'
                    && jpeg[i + 6] == 'o' && jpeg[i + 7] == 'b' && jpeg[i + 8] == 'e') {
                adobe = jpeg[i + 15] & 0xFF;
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame && i + 9 < jpeg.length) {
                components = jpeg[i + 9] & 0xFF;
                rgbIds = i + 16 < jpeg.length && jpeg[i + 10] == 'R' && jpeg[i + 13] == 'G' && jpeg[i + 16] == 'B';
            }
            i += 2 + length;
        }
        return new Headers(components, adobe, jfif, rgbIds);
    }

    /** A 3-band YCbCr raster to RGB by the JFIF equations, in fixed point. */
    static RgbImage yccToRgb(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        byte[] out = new byte[w * h * 3];
        int[] px = new int[3 * w];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, px);
            for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
                int yy = px[3 * x] << 16;
                int cb = px[3 * x + 1] - 128;
                int cr = px[3 * x + 2] - 128;
                out[o] = clamp8((yy + 91881 * cr + 32768) >> 16);
                out[o + 1] = clamp8((yy - 22554 * cb - 46802 * cr + 32768) >> 16);
                out[o + 2] = clamp8((yy + 116130 * cb + 32768) >> 16);
            }
        }
        return RgbImage.wrap(w, h, out);
    }

    /** A 3-band RGB raster as it is. */
    static RgbImage rgb(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        byte[] out = new byte[w * h * 3];
        int[] px = new int[3 * w];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, px);
            for (int k = 0, o = y * w * 3; k < 3 * w; k++) {
                out[o + k] = (byte) px[k];
            }
        }
        return RgbImage.wrap(w, h, out);
    }

    private static byte clamp8(int v) {
        return (byte) (v < 0 ? 0 : Math.min(255, v));
    }

    static RgbImage toRgb(Raster raster, int adobeTransform) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        boolean inverted = adobeTransform != NO_ADOBE;
        byte[] out = new byte[w * h * 3];
        int[] px = new int[4 * w];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, px);
            for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
                int c = px[4 * x];
                int m = px[4 * x + 1];
                int ye = px[4 * x + 2];
                int k = px[4 * x + 3];
                if (adobeTransform == YCCK) {
                    // As libjpeg does: YCC to RGB, then inverted, gives the Adobe-stored C, M and Y.
                    double yy = c;
                    double cb = m - 128.0;
                    double cr = ye - 128.0;
                    c = 255 - clamp(yy + 1.402 * cr);
                    m = 255 - clamp(yy - 0.344136 * cb - 0.714136 * cr);
                    ye = 255 - clamp(yy + 1.772 * cb);
                }
                if (!inverted) {
                    c = 255 - c;
                    m = 255 - m;
                    ye = 255 - ye;
                    k = 255 - k;
                }
                // Stored (inverted) values are "paper left"; RGB is paper left times black left.
                out[o] = (byte) ((c * k + 127) / 255);
                out[o + 1] = (byte) ((m * k + 127) / 255);
                out[o + 2] = (byte) ((ye * k + 127) / 255);
            }
        }
        return RgbImage.wrap(w, h, out);
    }

    private static int clamp(double v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) Math.round(v);
    }
}
