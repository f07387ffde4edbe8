package dev.loupe.api.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte array, as the AWS SDK's {@code SdkBytes}: the {@code Changes} of
 * UpdateDatasetEntries, the image of DetectAnomalies, the anomaly mask PNG. Copies on the way in
 * and out, so a holder's bytes cannot change under it. Equal when the bytes are equal.
 *
 * <pre>{@code
 * SdkBytes changes = SdkBytes.fromUtf8String("{\"source-ref\":\"s3://b/1.jpg\", ...}\n");
 * }</pre>
 */
public final class SdkBytes {
    private final byte[] bytes;

    private SdkBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SdkBytes fromByteArray(byte[] bytes) {
        return new SdkBytes(bytes.clone());
    }

    public static SdkBytes fromUtf8String(String text) {
        return new SdkBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] asByteArray() {
        return bytes.clone();
    }

    public String asUtf8String() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdkBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Length and SHA-256, not the bytes: stable, short, and safe to log or compare across runs. */
    @Override
    public String toString() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "SdkBytes(" + bytes.length + " bytes, sha256 " + HexFormat.of().formatHex(digest) + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
