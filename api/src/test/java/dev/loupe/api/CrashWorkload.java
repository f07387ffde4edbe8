package dev.loupe.api;

import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.model.SdkBytes;
import dev.loupe.api.waiters.LookoutVisionWaiter;
import dev.loupe.api.waiters.WaiterException;
import dev.loupe.manifest.Label;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The process {@link CrashRecoveryTest} kills: it works on a workspace forever, one step at a
 * time, and appends a line to a journal once the facade has acknowledged each step.
 *
 * <p>The steps are a deterministic function of a seed, the step number and the state the steps
 * before it produced ({@link #plan}), so the test and every restarted child compute the same
 * plan and the same expected state ({@link Model}) from the journal alone. A killed child is
 * simply started again: it replays the journal to find where it stopped and first retries the
 * step it was killed in. Every step is written so that a retry is safe whatever part of the
 * interrupted attempt landed (a project already there, a dataset left failed by the crash, an
 * update already applied: updates are keyed by source-ref, so applying one twice changes nothing).
 *
 * <pre>
 * CrashWorkload work  WORKSPACE DATA JOURNAL SEED   steps until killed
 * CrashWorkload hold  WORKSPACE                     opens, says READY, waits to be killed
 * CrashWorkload probe WORKSPACE                     tries to open; prints OPENED or REFUSED message
 * </pre>
 *
 * DATA holds {@link #IMAGES} images written by {@link TestImages#write}; manifests are written
 * next to them.
 */
public final class CrashWorkload {
    /** Printed once the workspace is open: from then on a kill lands in the workload itself. */
    static final String READY = "READY";
    /** The bucket that s3:// references of datasets created empty resolve through (to DATA). */
    static final String BUCKET = "crash";
    static final List<String> PROJECTS = List.of("alpha", "beta", "gamma");
    static final List<String> TYPES = List.of("train", "test");
    static final int IMAGES = 400;

    private CrashWorkload() {
    }

    enum Kind {
        CREATE_PROJECT, DELETE_PROJECT, CREATE_EMPTY, CREATE_FROM_MANIFEST, CREATE_FROM_BAD_MANIFEST,
        UPDATE, UPDATE_BAD, DELETE_DATASET;

        boolean onDataset() {
            return this != CREATE_PROJECT && this != DELETE_PROJECT;
        }
    }

    /** One manifest line. */
    record Line(String ref, Label label, String json) {
        /** Lines by reference and label: a few thousand distinct ones, built once (replays build many). */
        private static final Map<String, Line> CACHE = new ConcurrentHashMap<>();

        static Line of(String ref, Label label) {
            return CACHE.computeIfAbsent(label + " " + ref, key -> new Line(ref, label, TestImages.line(ref, label)));
        }
    }

    /**
     * One step of the workload.
     *
     * @param lines the manifest or the changes; a bad step's lines include one naming a missing image
     */
    record Step(long k, Kind kind, String project, String type, List<Line> lines) {
        /** What the step works on: {@code project} or {@code project/type}. */
        String target() {
            return kind.onDataset() ? project + "/" + type : project;
        }

        String text() {
            StringBuilder b = new StringBuilder();
            lines.forEach(l -> b.append(l.json()).append('\n'));
            return b.toString();
        }

        @Override
        public String toString() {
            return "step " + k + " (" + kind + " " + target() + ")";
        }
    }

    /**
     * A dataset as the workload expects it.
     *
     * @param entries its entries in listing order, by source-ref
     * @param s3Refs  whether its references are s3:// ones (a dataset created empty has no folder
     *                for relative references)
     */
    record Dataset(DatasetStatus status, Map<String, Line> entries, boolean s3Refs) {
        List<String> lines() {
            return entries.values().stream().map(Line::json).toList();
        }

        /** How the journal and the test's messages write a dataset: status, count, digest. */
        String outcome() {
            return outcome(status, lines());
        }

        static String outcome(DatasetStatus status, List<String> lines) {
            return status + " " + lines.size() + " " + TestImages.digest(lines);
        }
    }

    /** What the acknowledged steps leave: projects by name, their datasets by type. Immutable. */
    static final class Model {
        static final Model EMPTY = new Model(new TreeMap<>());

        private final TreeMap<String, TreeMap<String, Dataset>> projects;

        private Model(TreeMap<String, TreeMap<String, Dataset>> projects) {
            this.projects = projects;
        }

        boolean hasProject(String p) {
            return projects.containsKey(p);
        }

        Map<String, Map<String, Dataset>> projects() {
            return Collections.unmodifiableMap(projects);
        }

        Dataset dataset(String p, String t) {
            Map<String, Dataset> ds = projects.get(p);
            return ds == null || t == null ? null : ds.get(t);
        }

        /** The outcome of {@code target} ({@code p} or {@code p/t}) as the journal writes it. */
        String outcome(String target) {
            int slash = target.indexOf('/');
            if (slash < 0) {
                return hasProject(target) ? "PRESENT" : "ABSENT";
            }
            Dataset d = dataset(target.substring(0, slash), target.substring(slash + 1));
            return d == null ? "ABSENT" : d.outcome();
        }

        /** The state after {@code s} completed as planned. */
        Model apply(Step s) {
            TreeMap<String, TreeMap<String, Dataset>> next = new TreeMap<>(projects);
            if (s.kind() == Kind.CREATE_PROJECT) {
                next.put(s.project(), new TreeMap<>());
                return new Model(next);
            }
            if (s.kind() == Kind.DELETE_PROJECT) {
                next.remove(s.project());
                return new Model(next);
            }
            TreeMap<String, Dataset> ds = new TreeMap<>(next.get(s.project()));
            next.put(s.project(), ds);
            Dataset d = ds.get(s.type());
            switch (s.kind()) {
                case CREATE_EMPTY -> ds.put(s.type(), new Dataset(DatasetStatus.CREATE_COMPLETE, Map.of(), true));
                case CREATE_FROM_MANIFEST -> ds.put(s.type(),
                        new Dataset(DatasetStatus.CREATE_COMPLETE, merge(Map.of(), s.lines()), false));
                case CREATE_FROM_BAD_MANIFEST -> ds.put(s.type(),
                        new Dataset(DatasetStatus.CREATE_FAILED, Map.of(), false));
                case UPDATE -> ds.put(s.type(),
                        new Dataset(DatasetStatus.UPDATE_COMPLETE, merge(d.entries(), s.lines()), d.s3Refs()));
                case UPDATE_BAD -> ds.put(s.type(),
                        new Dataset(DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE, d.entries(), d.s3Refs()));
                case DELETE_DATASET -> ds.remove(s.type());
                default -> throw new AssertionError(s);
            }
            return new Model(next);
        }

        /** UpdateDatasetEntries' rule: a line replaces the entry with its source-ref in place, or is appended. */
        private static Map<String, Line> merge(Map<String, Line> current, List<Line> changes) {
            Map<String, Line> merged = new LinkedHashMap<>(current);
            changes.forEach(l -> merged.put(l.ref(), l));
            return Collections.unmodifiableMap(merged);
        }
    }

    /** The state after the first {@code steps} steps of the workload with this seed. */
    static Model replay(long seed, long steps) {
        Model m = Model.EMPTY;
        for (long k = 0; k < steps; k++) {
            m = m.apply(plan(seed, k, m));
        }
        return m;
    }

    /**
     * Step {@code k}, chosen at random (seeded by seed and k) among the steps that make sense in
     * {@code m}: mostly imports and updates of a few hundred entries, with deletions, failing
     * imports and failing updates mixed in.
     */
    static Step plan(long seed, long k, Model m) {
        Random r = new Random(mix(seed, k));
        List<Step> options = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (String p : PROJECTS) {
            if (!m.hasProject(p)) {
                option(options, weights, new Step(k, Kind.CREATE_PROJECT, p, null, List.of()), 3);
                continue;
            }
            if (m.projects().get(p).isEmpty()) {
                option(options, weights, new Step(k, Kind.DELETE_PROJECT, p, null, List.of()), 1);
            }
            for (String t : TYPES) {
                Dataset d = m.dataset(p, t);
                if (d == null) {
                    option(options, weights, new Step(k, Kind.CREATE_FROM_MANIFEST, p, t, null), 4);
                    option(options, weights, new Step(k, Kind.CREATE_EMPTY, p, t, List.of()), 1);
                    option(options, weights, new Step(k, Kind.CREATE_FROM_BAD_MANIFEST, p, t, null), 1);
                } else if (d.status() == DatasetStatus.CREATE_FAILED) {
                    option(options, weights, new Step(k, Kind.DELETE_DATASET, p, t, List.of()), 4);
                } else {
                    option(options, weights, new Step(k, Kind.UPDATE, p, t, null), 6);
                    option(options, weights, new Step(k, Kind.UPDATE_BAD, p, t, null), 1);
                    option(options, weights, new Step(k, Kind.DELETE_DATASET, p, t, List.of()), 1);
                }
            }
        }
        int x = r.nextInt(weights.stream().mapToInt(Integer::intValue).sum());
        int i = 0;
        while (x >= weights.get(i)) {
            x -= weights.get(i++);
        }
        Step s = options.get(i);
        if (s.lines() != null) {
            return s;
        }
        List<Integer> images = IntStream.range(0, IMAGES).boxed().collect(ArrayList::new, List::add, List::addAll);
        Collections.shuffle(images, r);
        Dataset d = m.dataset(s.project(), s.type());
        boolean s3 = d != null && d.s3Refs();
        List<Line> lines = new ArrayList<>();
        int n = switch (s.kind()) {
            case CREATE_FROM_MANIFEST -> 150 + r.nextInt(200);
            case CREATE_FROM_BAD_MANIFEST -> 20 + r.nextInt(80);
            case UPDATE -> 5 + r.nextInt(60); // some replace entries in place, the others are new
            case UPDATE_BAD -> 1 + r.nextInt(10);
            default -> throw new AssertionError(s);
        };
        for (int j = 0; j < n; j++) {
            lines.add(Line.of(ref(TestImages.ref(images.get(j)), s3), TestImages.randomLabel(r)));
        }
        if (s.kind() == Kind.CREATE_FROM_BAD_MANIFEST || s.kind() == Kind.UPDATE_BAD) {
            // One line naming an image that does not exist fails the whole import or update.
            lines.add(r.nextInt(n + 1), Line.of(ref(TestImages.FOLDER + "/missing-" + k + ".png", s3), Label.NORMAL));
        }
        return new Step(k, s.kind(), s.project(), s.type(), List.copyOf(lines));
    }

    /** A well-spread seed for each step: Randoms seeded with neighbouring numbers start out alike. */
    private static long mix(long seed, long k) {
        long z = seed * 0x9E3779B97F4A7C15L + k;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void option(List<Step> options, List<Integer> weights, Step s, int weight) {
        options.add(s);
        weights.add(weight);
    }

    private static String ref(String relative, boolean s3) {
        return s3 ? "s3://" + BUCKET + "/" + relative : relative;
    }

    /** The journal line of an acknowledged step whose target ended in {@code outcome}. */
    static String journalLine(Step s, String outcome) {
        return s.k() + " " + s.kind() + " " + s.target() + " " + outcome;
    }

    /** The complete lines of a journal; a line cut short by a kill (no newline yet) is left out. */
    static List<String> readJournal(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return List.of();
        }
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    static LookoutVision open(Path workspace, Path data) {
        return LookoutVision.builder().workspace(workspace).bucket(BUCKET, data).build();
    }

    // ---- the child process ----

    public static void main(String[] args) throws Exception {
        exitWhenParentGoes();
        switch (args[0]) {
            case "work" -> work(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Long.parseLong(args[4]));
            case "hold" -> {
                LookoutVision lv = LookoutVision.local(Path.of(args[1]));
                System.out.println(READY);
                System.out.flush();
                Thread.sleep(Duration.ofMinutes(2).toMillis());
                lv.close();
            }
            case "probe" -> {
                try {
                    LookoutVision.local(Path.of(args[1])).close();
                    System.out.println("OPENED");
                } catch (IllegalStateException e) {
                    System.out.println("REFUSED " + e.getMessage());
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    private static void work(Path workspace, Path data, Path journal, long seed) throws Exception {
        List<String> done = readJournal(journal);
        truncateTornLine(journal);
        Model m = replay(seed, done.size());
        LookoutVision lv = open(workspace, data);
        LookoutVisionWaiter waiter = LookoutVisionWaiter.builder().client(lv)
                .pollInterval(Duration.ofMillis(5)).maxWait(Duration.ofMinutes(1)).build();
        try (FileChannel out = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            System.out.println(READY);
            System.out.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos(); // never outlive a lost parent
            for (long k = done.size(); System.nanoTime() < deadline; k++) {
                Step s = plan(seed, k, m);
                run(lv, waiter, data, s);
                // Acknowledge: what the facade now reports for the target, forced to disk.
                String line = journalLine(s, observe(lv, s.target())) + "\n";
                out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                out.force(false);
                m = m.apply(s);
            }
        }
        lv.close();
    }

    /** Runs one step; safe to run again after a kill at any point of an earlier attempt. */
    private static void run(LookoutVision lv, LookoutVisionWaiter waiter, Path data, Step s) throws IOException {
        String p = s.project();
        String t = s.type();
        switch (s.kind()) {
            case CREATE_PROJECT -> {
                try {
                    lv.createProject(b -> b.projectName(p).clientToken("step-" + s.k()));
                } catch (ConflictException e) {
                    // An interrupted attempt at this step created it, and its token was not recorded.
                }
            }
            case DELETE_PROJECT -> {
                try {
                    lv.deleteProject(b -> b.projectName(p));
                } catch (ResourceNotFoundException e) {
                    // An interrupted attempt at this step deleted it.
                }
            }
            case CREATE_EMPTY, CREATE_FROM_MANIFEST, CREATE_FROM_BAD_MANIFEST -> {
                // What an interrupted attempt left (failed or complete) goes first.
                try {
                    lv.deleteDataset(b -> b.projectName(p).datasetType(t));
                } catch (ResourceNotFoundException e) {
                    // Nothing was left.
                }
                if (s.kind() == Kind.CREATE_EMPTY) {
                    lv.createDataset(b -> b.projectName(p).datasetType(t));
                    return;
                }
                Path manifest = data.resolve("step-" + s.k() + ".manifest");
                Files.writeString(manifest, s.text(), StandardCharsets.UTF_8);
                lv.createDataset(b -> b.projectName(p).datasetType(t), manifest);
                try {
                    waiter.waitUntilDatasetCreated(b -> b.projectName(p).datasetType(t));
                } catch (WaiterException e) {
                    if (s.kind() != Kind.CREATE_FROM_BAD_MANIFEST) {
                        throw e;
                    }
                }
            }
            case UPDATE, UPDATE_BAD -> {
                lv.updateDatasetEntries(b -> b.projectName(p).datasetType(t)
                        .changes(SdkBytes.fromUtf8String(s.text())));
                try {
                    waiter.waitUntilDatasetUpdated(b -> b.projectName(p).datasetType(t));
                } catch (WaiterException e) {
                    if (s.kind() != Kind.UPDATE_BAD) {
                        throw e;
                    }
                }
            }
            case DELETE_DATASET -> {
                try {
                    lv.deleteDataset(b -> b.projectName(p).datasetType(t));
                } catch (ResourceNotFoundException e) {
                    // An interrupted attempt at this step deleted it.
                }
            }
        }
    }

    /** What the facade reports for a target, in the journal's words (see {@link Model#outcome}). */
    static String observe(LookoutVision lv, String target) {
        int slash = target.indexOf('/');
        try {
            if (slash < 0) {
                lv.describeProject(b -> b.projectName(target));
                return "PRESENT";
            }
            String p = target.substring(0, slash);
            String t = target.substring(slash + 1);
            DatasetStatus status = lv.describeDataset(b -> b.projectName(p).datasetType(t))
                    .datasetDescription().status();
            List<String> lines = lv.listDatasetEntriesPaginator(b -> b.projectName(p).datasetType(t).maxResults(100))
                    .datasetEntries().stream().toList();
            return Dataset.outcome(status, lines);
        } catch (ResourceNotFoundException e) {
            return "ABSENT";
        }
    }

    /** Cuts a line a kill left without its newline, so the next line starts on a line of its own. */
    private static void truncateTornLine(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(journal);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                ch.truncate(end);
                ch.force(true);
            }
        }
    }

    /** The parent holds our stdin open; when it goes (end of input), so do we. */
    private static void exitWhenParentGoes() {
        Thread t = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                    // Nothing is ever sent.
                }
            } catch (IOException e) {
                // Treat as gone.
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
