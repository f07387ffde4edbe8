package dev.loupe.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLineParserTest {

    static final String COOKIE_ANOMALY = "{\"source-ref\": \"training-images/anomaly-1.jpg\", \"anomaly-label-metadata\": "
            + "{\"job-name\": \"anomaly-label\", \"class-name\": \"anomaly\", \"human-annotated\": \"yes\", \"creation-date\": "
            + "\"2022-08-22T20:52:51.851Z\", \"type\": \"groundtruth/image-classification\"}, \"anomaly-label\": 1, "
            + "\"anomaly-mask-ref-metadata\": {\"internal-color-map\": {\"0\": {\"class-name\": \"cracked\", \"hex-color\": \"#23A436\"}}, "
            + "\"job-name\": \"labeling-job/object-mask-ref\", \"human-annotated\": \"yes\", \"creation-date\": "
            + "\"Mon Aug 22 2022 13:52:52 GMT-0700 (Pacific Daylight Time)\", \"type\": \"groundtruth/semantic-segmentation\"}, "
            + "\"anomaly-mask-ref\": \"mask-images/anomaly-1.png\"}";

    static String classification(String labelValue, String className) {
        return "{\"source-ref\":\"s3://b/k.png\",\"anomaly-label\":" + labelValue + ",\"anomaly-label-metadata\":{"
                + "\"confidence\":0.95,\"job-name\":\"j\",\"class-name\":\"" + className + "\",\"human-annotated\":\"yes\","
                + "\"creation-date\":\"2020-04-15T20:17:23.433061\",\"type\":\"groundtruth/image-classification\"}}";
    }

    static ManifestEntry entry(String text) {
        return assertInstanceOf(ManifestEntry.class, ManifestReader.parseLine("m", 7, text));
    }

    static List<ManifestProblem> problems(String text) {
        return assertInstanceOf(InvalidLine.class, ManifestReader.parseLine("m", 7, text)).problems();
    }

    static void assertProblem(String text, String field, String messagePart) {
        List<ManifestProblem> ps = problems(text);
        assertTrue(ps.stream().anyMatch(p -> p.field().equals(field) && p.message().contains(messagePart) && p.line() == 7),
                () -> "expected a problem on " + field + " containing \"" + messagePart + "\", got " + ps);
    }

    @Test
    void realCookieSegmentationLineWithoutBackgroundEntry() {
        ManifestEntry e = entry(COOKIE_ANOMALY);
        assertEquals("training-images/anomaly-1.jpg", e.sourceRef());
        assertEquals(Label.ANOMALY, e.label());
        assertEquals("anomaly-label", e.labelAttribute());
        MaskAnnotation mask = e.mask().orElseThrow();
        assertEquals("mask-images/anomaly-1.png", mask.ref());
        assertEquals(List.of(new AnomalyClass("cracked", HexColor.parse("#23a436"))), mask.anomalyClasses());
        assertEquals(COOKIE_ANOMALY, e.json());
    }

    @Test
    void classNameAloneDecidesTheLabel() {
        assertEquals(Label.NORMAL, entry(classification("1", "normal")).label());
        assertEquals(Label.ANOMALY, entry(classification("\"0\"", "anomaly")).label());
        assertEquals(Label.UNLABELED, entry(classification("1", "Anomaly")).label());
        assertEquals(Label.UNLABELED, entry(classification("0", "scratch")).label());
    }

    @Test
    void freeFormAttributeNames() {
        String line = "{\"source-ref\":\"a.png\",\"defect\":0,\"defect-metadata\":{\"class-name\":\"normal\","
                + "\"human-annotated\":\"no\",\"type\":\"groundtruth/image-classification\"}}";
        ManifestEntry e = entry(line);
        assertEquals("defect", e.labelAttribute());
        assertEquals(Label.NORMAL, e.label());
    }

    @Test
    void malformedJsonAndNonObjects() {
        assertProblem("{\"source-ref\": ", "", "malformed JSON");
        assertProblem("[1,2]", "", "one JSON object");
        assertProblem("{\"source-ref\":\"a\",\"source-ref\":\"b\"}", "", "Duplicate field");
    }

    @Test
    void requiredFieldsAndTypes() {
        assertProblem(classification("1", "normal").replace("\"source-ref\":\"s3://b/k.png\",", ""), "source-ref", "missing");
        assertProblem(classification("1", "normal").replace("\"s3://b/k.png\"", "5"), "source-ref", "must be a string");
        assertProblem(classification("true", "normal"), "anomaly-label", "number or a string");
        assertProblem(classification("1", "normal").replace("\"anomaly-label\":1,", ""), "anomaly-label", "missing");
        assertProblem(classification("1", "normal").replace("image-classification", "image-classification-x"),
                "anomaly-label-metadata.type", "must be");
        assertProblem(classification("1", "normal").replace("\"human-annotated\":\"yes\"", "\"human-annotated\":true"),
                "anomaly-label-metadata.human-annotated", "must be a string");
        assertProblem(classification("1", "normal").replace("\"confidence\":0.95", "\"confidence\":\"high\""),
                "anomaly-label-metadata.confidence", "must be a number");
        assertProblem("{\"source-ref\":\"a.png\"}", "anomaly-label-metadata", "no classification attribute");
    }

    @Test
    void confidenceIsOptional() {
        assertEquals(Label.NORMAL, entry(classification("1", "normal").replace("\"confidence\":0.95,", "")).label());
    }

    @Test
    void maskPairingAndColourRules() {
        assertProblem(COOKIE_ANOMALY.replace("\"anomaly-mask-ref\": \"mask-images/anomaly-1.png\"", "\"x\": 1"),
                "anomaly-mask-ref", "needs its mask reference");
        String orphan = classification("1", "anomaly").replace("}}", "},\"anomaly-mask-ref\":\"m.png\"}");
        assertProblem(orphan, "anomaly-mask-ref", "needs its metadata object");
        assertProblem(COOKIE_ANOMALY.replace("#23A436", "23A436"),
                "anomaly-mask-ref-metadata.internal-color-map.0.hex-color", "#rrggbb");
        assertProblem(COOKIE_ANOMALY.replace("#23A436", "#23A43G"),
                "anomaly-mask-ref-metadata.internal-color-map.0.hex-color", "#rrggbb");
        assertProblem(COOKIE_ANOMALY.replace("\"cracked\"", "\"cracked-edge\""),
                "anomaly-mask-ref-metadata.internal-color-map.0.class-name", "letters or digits");
        assertProblem(COOKIE_ANOMALY.replace("#23A436", "#FFFFFF"),
                "anomaly-mask-ref-metadata.internal-color-map.0.hex-color", "reserved for background");
        assertProblem(COOKIE_ANOMALY.replace("semantic-segmentation", "image-classification"),
                "anomaly-mask-ref-metadata.type", "must be");
        assertProblem(COOKIE_ANOMALY.replace("{\"0\":", "{\"zero\":"),
                "anomaly-mask-ref-metadata.internal-color-map.zero", "integers");
    }

    @Test
    void lowerCaseColoursAndBackgroundEntryAccepted() {
        String line = COOKIE_ANOMALY.replace("{\"0\": {\"class-name\": \"cracked\", \"hex-color\": \"#23A436\"}}",
                "{\"0\": {\"class-name\": \"BACKGROUND\", \"hex-color\": \"#ffffff\", \"confidence\": 0}, "
                        + "\"1\": {\"class-name\": \"scratch\", \"hex-color\": \"#2ca02c\", \"confidence\": 0.0}}");
        MaskAnnotation m = entry(line).mask().orElseThrow();
        assertEquals(List.of(new AnomalyClass("scratch", new HexColor(0x2CA02C))), m.anomalyClasses());
        assertEquals(2, m.colorMap().size());
    }

    @Test
    void atMostTwentyLabelsPerMask() {
        StringBuilder map = new StringBuilder("{");
        for (int i = 0; i < 21; i++) {
            map.append(i == 0 ? "" : ",").append(String.format("\"%d\":{\"class-name\":\"c%d\",\"hex-color\":\"#%06x\"}", i, i, 0x101010 + i));
        }
        map.append('}');
        String line = COOKIE_ANOMALY.replace("{\"0\": {\"class-name\": \"cracked\", \"hex-color\": \"#23A436\"}}", map);
        assertProblem(line, "anomaly-mask-ref-metadata.internal-color-map", "21 anomaly labels on one mask; the limit is 20");
    }

    @Test
    void twoClassesCannotShareAColour() {
        String line = COOKIE_ANOMALY.replace("{\"0\": {\"class-name\": \"cracked\", \"hex-color\": \"#23A436\"}}",
                "{\"0\": {\"class-name\": \"a\", \"hex-color\": \"#23A436\"}, \"1\": {\"class-name\": \"b\", \"hex-color\": \"#23a436\"}}");
        assertProblem(line, "anomaly-mask-ref-metadata.internal-color-map.1.hex-color", "used by two classes");
    }

    @Test
    void overlongLinesAreRefused() {
        String line = classification("1", "normal").replace("\"j\"", "\"" + "x".repeat(9000) + "\"");
        assertProblem(line, "", "at most 8192");
    }

    @Test
    void problemsPrintAsFileLineFieldMessage() {
        assertEquals("train.manifest:3: source-ref: missing",
                new ManifestProblem("train.manifest", 3, "source-ref", "missing").toString());
    }
}
