package dev.loupe.api.dataset;

import dev.loupe.api.workspace.StoredEntry;
import dev.loupe.manifest.Label;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * ListDatasetEntries' filters, applied before paging. Date bounds are exclusive.
 * {@code sourceRefContains} matches a substring; a {@code *} in it matches any run of characters
 * (the console wrote filters as {@code *IMG_17*}). Immutable and thread-safe.
 */
public final class EntryFilter implements Predicate<StoredEntry> {
    private final Boolean labeled;
    private final Label label;
    private final Instant before;
    private final Instant after;
    private final Predicate<String> sourceRef;

    /**
     * @param labeled           true: labeled only; false: unlabeled only; null: all
     * @param anomalyClass      {@code normal}, {@code anomaly}, or null
     * @param before            only entries created before this, or null
     * @param after             only entries created after this, or null
     * @param sourceRefContains a substring (or {@code *} pattern) of {@code source-ref}, or null
     */
    public EntryFilter(Boolean labeled, String anomalyClass, Instant before, Instant after,
                       String sourceRefContains) {
        this.labeled = labeled;
        this.label = anomalyClass == null ? null : Label.ofClassName(anomalyClass);
        this.before = before;
        this.after = after;
        this.sourceRef = sourceRefContains == null ? null : matcher(sourceRefContains);
    }

    @Override
    public boolean test(StoredEntry e) {
        Label l = e.entry().label();
        return (labeled == null || labeled == (l != Label.UNLABELED))
                && (label == null || l == label)
                && (before == null || e.created().isBefore(before))
                && (after == null || e.created().isAfter(after))
                && (sourceRef == null || sourceRef.test(e.sourceRef()));
    }

    private static Predicate<String> matcher(String query) {
        if (query.indexOf('*') < 0) {
            return ref -> ref.contains(query);
        }
        String[] parts = query.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        Pattern p = Pattern.compile(regex.toString(), Pattern.DOTALL);
        return ref -> p.matcher(ref).find();
    }
}
