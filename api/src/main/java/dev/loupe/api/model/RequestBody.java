package dev.loupe.api.model;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image that DetectAnomalies judges, as the AWS SDK's {@code RequestBody}: it travels beside
 * the request, not in it. Read whole and copied when made, so that it cannot change afterwards.
 *
 * <pre>{@code
 * lv.detectAnomalies(b -> b.projectName("p").modelVersion("1").contentType("image/jpeg"),
 *         RequestBody.fromFile(Path.of("board.jpg")));
 * }</pre>
 */
public final class RequestBody {
    private final SdkBytes contents;

    private RequestBody(SdkBytes contents) {
        this.contents = contents;
    }

    /** A body of a copy of {@code bytes}. */
    public static RequestBody fromBytes(byte[] bytes) {
        return new RequestBody(SdkBytes.fromByteArray(bytes));
    }

    /**
     * A body of the file's bytes, read now.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static RequestBody fromFile(Path path) {
        try {
            return new RequestBody(SdkBytes.fromByteArray(Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A body of the next {@code contentLength} bytes of {@code in}, read now; the stream is left
     * open, at the byte after them.
     *
     * @throws IllegalArgumentException when {@code contentLength} is negative or too large for an array
     * @throws UncheckedIOException     when the stream fails or ends before {@code contentLength} bytes
     */
    public static RequestBody fromInputStream(InputStream in, long contentLength) {
        if (contentLength < 0 || contentLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("contentLength must be 0.." + (Integer.MAX_VALUE - 8)
                    + ", not " + contentLength);
        }
        try {
            byte[] bytes = in.readNBytes((int) contentLength);
            if (bytes.length < contentLength) {
                throw new EOFException("the stream ended after " + bytes.length + " of " + contentLength
                        + " bytes");
            }
            return new RequestBody(SdkBytes.fromByteArray(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body's bytes. */
    public SdkBytes contents() {
        return contents;
    }

    /** The body's length in bytes. */
    public long contentLength() {
        return contents.length();
    }

    /** The length and a digest of the bytes, as {@link SdkBytes#toString()} gives them. */
    @Override
    public String toString() {
        return "RequestBody(" + contents + ")";
    }
}
