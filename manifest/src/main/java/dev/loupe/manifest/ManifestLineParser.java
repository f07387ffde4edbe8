package dev.loupe.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Validates one manifest line as the service did: strict on types, attribute pairing and colour
 * syntax; lenient where real manifests are (free-form attribute names, no BACKGROUND entry,
 * missing confidence, colours in either case). Stateless and thread-safe.
 */
final class ManifestLineParser {
    static final String CLASSIFICATION_TYPE = "groundtruth/image-classification";
    static final String SEGMENTATION_TYPE = "groundtruth/semantic-segmentation";
    /** ListDatasetEntries returns each line as a DatasetEntry of at most 8192 characters. */
    static final int MAX_LINE_CHARS = 8192;
    /** The service's limit on anomaly labels in one mask image. */
    static final int MAX_LABELS_PER_MASK = 20;

    private static final String METADATA = "-metadata";
    private static final String REF = "-ref";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Parses and validates a line; the result is an entry or every problem found on the line. */
    ManifestLine parse(String file, long line, String text) {
        Problems p = new Problems(file, line);
        if (text.length() > MAX_LINE_CHARS) {
            p.add("", "line is " + text.length() + " characters; a dataset entry holds at most " + MAX_LINE_CHARS);
            return p.invalid();
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            p.add("", "malformed JSON: " + e.getOriginalMessage());
            return p.invalid();
        }
        if (root == null || !root.isObject()) {
            p.add("", "a manifest line must be one JSON object");
            return p.invalid();
        }

        String sourceRef = requireText(root, "source-ref", "source-ref", p);

        // The classification attribute K is the key whose K-metadata has the classification type;
        // masks pair R (ending -ref) with R-metadata. Everything else is carried along unread.
        List<String> labelKeys = new ArrayList<>();
        List<String> maskKeys = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.endsWith(REF + METADATA)) {
                maskKeys.add(key.substring(0, key.length() - METADATA.length()));
            } else if (key.endsWith(METADATA)) {
                labelKeys.add(key.substring(0, key.length() - METADATA.length()));
            }
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.endsWith(REF) && !key.equals("source-ref") && !maskKeys.contains(key)) {
                p.add(key, "a mask reference needs its metadata object " + key + METADATA);
            }
        }

        String labelAttribute = null;
        String className = null;
        if (labelKeys.isEmpty()) {
            p.add(ManifestEntry.LABEL_ATTRIBUTE + METADATA,
                    "no classification attribute: expected a key K with K-metadata.type = \"" + CLASSIFICATION_TYPE + "\"");
        } else if (labelKeys.size() > 1) {
            p.add(labelKeys.get(1) + METADATA, "more than one classification attribute: " + labelKeys);
        } else {
            labelAttribute = labelKeys.get(0);
            className = parseLabelMetadata(root, labelAttribute, p);
        }

        Optional<MaskAnnotation> mask = Optional.empty();
        if (maskKeys.size() > 1) {
            p.add(maskKeys.get(1), "more than one mask attribute: " + maskKeys);
        } else if (maskKeys.size() == 1) {
            mask = parseMask(root, maskKeys.get(0), p);
        }

        if (p.any()) {
            return p.invalid();
        }
        return new ManifestEntry(line, sourceRef, Label.ofClassName(className), labelAttribute, className, mask, text);
    }

    private static String parseLabelMetadata(JsonNode root, String key, Problems p) {
        String metaKey = key + METADATA;
        JsonNode value = root.get(key);
        if (value == null) {
            p.add(key, "missing: " + metaKey + " needs its label value " + key + " (required, though ignored)");
        } else if (!value.isNumber() && !value.isTextual()) {
            p.add(key, "must be a number or a string, was " + kind(value));
        }
        JsonNode meta = root.get(metaKey);
        if (!meta.isObject()) {
            p.add(metaKey, "must be an object, was " + kind(meta));
            return null;
        }
        String type = requireText(meta, "type", metaKey + ".type", p);
        if (type != null && !type.equals(CLASSIFICATION_TYPE)) {
            p.add(metaKey + ".type", "must be \"" + CLASSIFICATION_TYPE + "\", was \"" + type + "\"");
        }
        String className = requireText(meta, "class-name", metaKey + ".class-name", p);
        checkHumanAnnotated(meta, metaKey, p);
        optionalNumber(meta, "confidence", metaKey, p);
        optionalText(meta, "job-name", metaKey, p);
        optionalText(meta, "creation-date", metaKey, p);
        return className;
    }

    private static Optional<MaskAnnotation> parseMask(JsonNode root, String key, Problems p) {
        String metaKey = key + METADATA;
        String ref = null;
        if (!root.has(key)) {
            p.add(key, "missing: " + metaKey + " needs its mask reference " + key);
        } else {
            ref = requireText(root, key, key, p);
        }
        JsonNode meta = root.get(metaKey);
        if (!meta.isObject()) {
            p.add(metaKey, "must be an object, was " + kind(meta));
            return Optional.empty();
        }
        String type = requireText(meta, "type", metaKey + ".type", p);
        if (type != null && !type.equals(SEGMENTATION_TYPE)) {
            p.add(metaKey + ".type", "must be \"" + SEGMENTATION_TYPE + "\", was \"" + type + "\"");
        }
        checkHumanAnnotated(meta, metaKey, p);
        optionalText(meta, "job-name", metaKey, p);
        optionalText(meta, "creation-date", metaKey, p);

        String mapKey = metaKey + ".internal-color-map";
        JsonNode map = meta.get("internal-color-map");
        if (map == null) {
            p.add(mapKey, "missing");
            return Optional.empty();
        }
        if (!map.isObject() || map.isEmpty()) {
            p.add(mapKey, "must be a non-empty object of index -> {class-name, hex-color}");
            return Optional.empty();
        }
        SortedMap<Integer, MaskAnnotation.MapEntry> entries = new TreeMap<>();
        Set<String> names = new HashSet<>();
        Set<HexColor> colors = new HashSet<>();
        int anomalyLabels = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = mapKey + "." + e.getKey();
            Integer index = parseIndex(e.getKey());
            if (index == null) {
                p.add(field, "colour map keys must be integers \"0\", \"1\", ..., was \"" + e.getKey() + "\"");
                continue;
            }
            JsonNode c = e.getValue();
            if (!c.isObject()) {
                p.add(field, "must be an object {class-name, hex-color}, was " + kind(c));
                continue;
            }
            String name = requireText(c, "class-name", field + ".class-name", p);
            String hex = requireText(c, "hex-color", field + ".hex-color", p);
            Double confidence = optionalNumber(c, "confidence", field, p);
            if (name == null || hex == null) {
                continue;
            }
            if (!HexColor.isValid(hex)) {
                p.add(field + ".hex-color", "must be a colour of the form #rrggbb, was \"" + hex + "\"");
                continue;
            }
            HexColor color = HexColor.parse(hex);
            MaskAnnotation.MapEntry entry = new MaskAnnotation.MapEntry(name, color, confidence);
            if (!entry.isBackground()) {
                anomalyLabels++;
                if (!AnomalyClass.isValidName(name)) {
                    p.add(field + ".class-name", "anomaly class names must be 1 to 256 letters or digits ([a-zA-Z0-9]), was \"" + name + "\"");
                }
                if (color.equals(HexColor.WHITE) || color.equals(HexColor.BLACK)) {
                    p.add(field + ".hex-color", "colour " + color + " is reserved for background in mask images; class \"" + name + "\" needs another");
                }
                if (!names.add(name)) {
                    p.add(field + ".class-name", "class \"" + name + "\" is listed twice in the colour map");
                }
                if (!colors.add(color)) {
                    p.add(field + ".hex-color", "colour " + color + " is used by two classes; masks could not tell them apart");
                }
            }
            entries.put(index, entry);
        }
        if (anomalyLabels > MAX_LABELS_PER_MASK) {
            p.add(mapKey, anomalyLabels + " anomaly labels on one mask; the limit is " + MAX_LABELS_PER_MASK);
        }
        if (ref == null || p.any()) {
            return Optional.empty();
        }
        return Optional.of(new MaskAnnotation(key, ref, entries));
    }

    private static Integer parseIndex(String key) {
        if (key.isEmpty() || key.length() > 9 || !key.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(key);
    }

    private static void checkHumanAnnotated(JsonNode meta, String metaKey, Problems p) {
        String h = requireText(meta, "human-annotated", metaKey + ".human-annotated", p);
        if (h != null && !h.equals("yes") && !h.equals("no")) {
            p.add(metaKey + ".human-annotated", "must be \"yes\" or \"no\", was \"" + h + "\"");
        }
    }

    private static String requireText(JsonNode node, String name, String field, Problems p) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            p.add(field, "missing");
            return null;
        }
        if (!v.isTextual()) {
            p.add(field, "must be a string, was " + kind(v));
            return null;
        }
        if (v.textValue().isEmpty()) {
            p.add(field, "must not be empty");
            return null;
        }
        return v.textValue();
    }

    private static void optionalText(JsonNode node, String name, String parent, Problems p) {
        JsonNode v = node.get(name);
        if (v != null && !v.isNull() && !v.isTextual()) {
            p.add(parent + "." + name, "must be a string, was " + kind(v));
        }
    }

    private static Double optionalNumber(JsonNode node, String name, String parent, Problems p) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            p.add(parent + "." + name, "must be a number, was " + kind(v));
            return null;
        }
        return v.doubleValue();
    }

    private static String kind(JsonNode v) {
        return v == null ? "missing" : switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Collects the problems of one line. */
    private static final class Problems {
        private final String file;
        private final long line;
        private final List<ManifestProblem> list = new ArrayList<>();

        Problems(String file, long line) {
            this.file = file;
            this.line = line;
        }

        void add(String field, String message) {
            list.add(new ManifestProblem(file, line, field, message));
        }

        boolean any() {
            return !list.isEmpty();
        }

        InvalidLine invalid() {
            return new InvalidLine(line, list);
        }
    }
}
