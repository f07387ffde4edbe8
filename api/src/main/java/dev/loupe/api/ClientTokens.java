package dev.loupe.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * ClientToken idempotency, as the service kept it: for 8 hours, a call repeating an operation's
 * token with the same parameters returns the first call's result without doing anything; with
 * other parameters it is a ConflictException. Tokens are scoped per operation and kept in
 * {@code client-tokens.json}, so they survive a restart. A call that failed records nothing, so
 * its retry runs. Not thread-safe: the facade calls it under its write lock.
 */
final class ClientTokens {
    static final Duration LIFETIME = Duration.ofHours(8);

    private final Workspace workspace;
    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * One remembered call.
     *
     * @param fingerprint SHA-256 of the request's parameters (all but the token)
     * @param response    the result returned, as JSON
     */
    record Entry(String operation, String token, String fingerprint, Instant expires, JsonNode response) {
    }

    ClientTokens(Workspace workspace, Clock clock) throws IOException {
        this.workspace = workspace;
        this.clock = clock;
        if (Files.exists(workspace.clientTokensFile())) {
            List<Entry> saved = workspace.json().readValue(workspace.clientTokensFile().toFile(),
                    new TypeReference<List<Entry>>() { });
            saved.forEach(e -> entries.put(key(e.operation(), e.token()), e));
        }
    }

    /**
     * Runs {@code action} once per token.
     *
     * @param parameters   the request without its token, in a canonical form (its {@code toString})
     * @param resourceId   what a conflict names
     * @param resourceType what a conflict names
     */
    <T> T once(String operation, String token, String parameters, Class<T> type, String resourceId,
               ResourceType resourceType, Supplier<T> action) {
        if (token == null) {
            return action.get();
        }
        Instant now = clock.instant();
        String fingerprint = sha256(parameters);
        Entry seen = entries.get(key(operation, token));
        if (seen != null && seen.expires().isAfter(now)) {
            if (!seen.fingerprint().equals(fingerprint)) {
                throw new ConflictException("The client token " + token + " was already used for a " + operation
                        + " call with different parameters; use a new token for a new request.",
                        resourceId, resourceType);
            }
            try {
                return workspace.json().treeToValue(seen.response(), type);
            } catch (IOException e) {
                throw new IllegalStateException("unreadable saved result for client token " + token, e);
            }
        }
        T result = action.get();
        entries.values().removeIf(e -> !e.expires().isAfter(now));
        entries.put(key(operation, token), new Entry(operation, token, fingerprint, now.plus(LIFETIME),
                workspace.json().valueToTree(result)));
        try {
            workspace.writeJson(workspace.clientTokensFile(), new ArrayList<>(entries.values()));
        } catch (IOException e) {
            // The operation itself succeeded and is durable; only its replay protection is not.
            entries.remove(key(operation, token));
            throw new java.io.UncheckedIOException("could not record client token " + token, e);
        }
        return result;
    }

    private static String key(String operation, String token) {
        return operation + "/" + token;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
