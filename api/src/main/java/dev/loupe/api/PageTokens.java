package dev.loupe.api;

import dev.loupe.api.model.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque NextTokens: base64 of (operation, scope, filter digest, position) and an HMAC under
 * the workspace's key, so a token is refused when it was altered, made up, issued by another
 * workspace, for another operation or resource, or presented with other filters. Tokens stay
 * valid across restarts. Immutable and thread-safe.
 */
final class PageTokens {
    private static final int MAC_BYTES = 16;
    private final SecretKeySpec key;

    PageTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * @param scope    what is listed (the project and dataset incarnation)
     * @param filter   the request's filters in canonical form; a later page must present the same
     * @param position where the next page starts
     */
    String encode(String operation, String scope, String filter, String position) {
        byte[] payload = String.join("\n", operation, scope, digest(filter), position)
                .getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(payload);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(payload.length + MAC_BYTES)
                .put(payload).put(mac, 0, MAC_BYTES).array());
    }

    /** The position a token carries, after checking that it was issued for this very listing. */
    String decode(String token, String operation, String scope, String filter) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid("it is not one this service issued");
        }
        if (raw.length <= MAC_BYTES) {
            throw invalid("it is not one this service issued");
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        byte[] expected = Arrays.copyOf(mac(payload), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, payload.length, raw.length))) {
            throw invalid("it is not one this service issued, or it was altered");
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", 4);
        if (parts.length != 4 || !parts[0].equals(operation)) {
            throw invalid("it was issued by another operation");
        }
        if (!parts[1].equals(scope)) {
            throw invalid("it was issued for another resource (or one since deleted and created again)");
        }
        if (!parts[2].equals(digest(filter))) {
            throw invalid("it was issued for other filters; pass the same filters on every page");
        }
        return parts[3];
    }

    private static ValidationException invalid(String why) {
        return new ValidationException("The pagination token is invalid: " + why + ".");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static String digest(String filter) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(filter.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(Arrays.copyOf(d, 9));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
