package dev.loupe.api;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.api.model.CreateProjectResponse;
import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetImageStats;
import dev.loupe.api.model.DatasetMetadata;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.LookoutVisionException;
import dev.loupe.api.model.ProjectMetadata;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.model.SdkBytes;
import dev.loupe.api.model.ValidationException;
import dev.loupe.api.waiters.LookoutVisionWaiter;
import dev.loupe.api.waiters.WaiterException;
import dev.loupe.manifest.Label;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade is thread-safe: threads creating, updating, deleting and listing at once get the
 * results a sequential run of the same operations gets.
 *
 * <p>Each thread owns a few projects and runs a seeded plan of operations on them (mostly valid
 * ones, some that must fail with a service exception), waiting for each import or update to
 * settle before the next change to that dataset, as a client would. Every result is recorded.
 * At fixed points all threads meet and race for the same shared resources (exactly one wins a
 * name; a shared ClientToken gives everyone the first call's result). Afterwards the recorded
 * results and the facade's final state are compared with a plain in-memory model that replays
 * the same operations one after the other.
 */
class ConcurrencyTest {
    private static final long SEED = 20_240_717L;
    private static final int THREADS = 8;
    private static final int OPS = 96;
    private static final int PROJECTS_PER_THREAD = 3;
    private static final List<String> TYPES = List.of("train", "test");
    private static final int IMAGES = 160;
    /** s3:// references of datasets created empty (which have no folder for relative ones) resolve here. */
    private static final String BUCKET = "conc";
    /** The operation indexes where all threads meet and race; see {@link #contest}. */
    private static final List<Integer> CONTESTS_AT = List.of(24, 48, 72, 84);
    private static final String SHARED_TOKEN = "shared-token-1";
    /** The manifest all threads import at once, with one ClientToken, in race 3. */
    private static final List<Entry> SHARED_MANIFEST = IntStream.range(0, 40)
            .mapToObj(i -> entry(TestImages.ref(i), i % 4 == 0 ? Label.ANOMALY : Label.NORMAL)).toList();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    enum Kind {
        CREATE_PROJECT, DELETE_PROJECT, CREATE_EMPTY, CREATE_FROM_MANIFEST, CREATE_FROM_BAD_MANIFEST,
        UPDATE, UPDATE_BAD, DELETE_DATASET, DESCRIBE_DATASET, LIST_ENTRIES, LIST_PROJECTS,
        /** Reads another thread's dataset while it changes: checked for sanity, not against the model. */
        PEEK,
        /** A shared ClientToken reused with other parameters: ConflictException, nothing created. */
        TOKEN_MISUSE,
        /** All threads at once on the same shared resource. */
        CONTEST
    }

    record Entry(String ref, Label label, String json) {
    }

    /**
     * One planned operation.
     *
     * @param lines    the manifest or the changes (a bad one names a missing image)
     * @param manifest the manifest file of an import
     * @param pageSize maxResults of a listing; for a contest, its number
     */
    record Op(int thread, int index, Kind kind, String project, String type, List<Entry> lines, Path manifest,
              int pageSize) {
        String text() {
            return lines.stream().map(e -> e.json() + "\n").collect(Collectors.joining());
        }

        @Override
        public String toString() {
            return "thread " + thread + " op " + index + " " + kind + " " + project + (type == null ? "" : "/" + type);
        }
    }

    /** An operation and what the facade answered. */
    record Done(Op op, String outcome) {
    }

    @Test
    void concurrentClientsSeeWhatASequentialRunSees() throws Exception {
        Path data = dir.resolve("data");
        TestImages.write(data, IMAGES);
        List<List<Op>> plans = plan(data);

        Problems failures = new Problems();
        List<List<Done>> results = new ArrayList<>();
        long start = System.nanoTime();
        try (LookoutVision lv = LookoutVision.builder().workspace(dir.resolve("workspace")).bucket(BUCKET, data)
                .build()) {
            LookoutVisionWaiter waiter = LookoutVisionWaiter.builder().client(lv)
                    .pollInterval(Duration.ofMillis(2)).maxWait(Duration.ofMinutes(1)).build();
            CyclicBarrier meet = new CyclicBarrier(THREADS);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<Done>>> futures = new ArrayList<>();
                for (List<Op> ops : plans) {
                    futures.add(threads.submit(() -> {
                        List<Done> done = new ArrayList<>();
                        for (Op op : ops) {
                            if (op.kind() == Kind.CONTEST) {
                                meet.await(60, TimeUnit.SECONDS);
                            }
                            done.add(new Done(op, execute(lv, waiter, op, failures)));
                        }
                        return done;
                    }));
                }
                for (Future<List<Done>> f : futures) {
                    results.add(f.get(120, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }
            System.out.printf("%d threads x %d operations in %d ms: %s%n", THREADS, OPS,
                    (System.nanoTime() - start) / 1_000_000, summary(results));

            // The same operations, one after the other, on plain maps. Thread by thread is as good
            // an order as any: each thread's operations touch only its own projects (races and
            // peeks aside, which are checked on their own).
            Model model = new Model();
            for (List<Done> thread : results) {
                for (Done d : thread) {
                    if (d.op().kind() == Kind.CONTEST || d.op().kind() == Kind.PEEK) {
                        continue;
                    }
                    String expected = model.apply(d.op());
                    if (!expected.equals(d.outcome())) {
                        failures.add(d.op() + ": the facade answered '" + d.outcome() + "', a sequential run '"
                                + expected + "'");
                    }
                }
            }
            checkContests(results, model, failures);
            checkFinalState(lv, model, failures);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " problems:\n" + String.join("\n", failures.list()));
        }
    }

    // ---- the plan ----

    /** Each thread's operations, planned against a model of its own projects; manifests written. */
    private static List<List<Op>> plan(Path data) throws IOException {
        Path shared = data.resolve("shared.manifest");
        Files.writeString(shared, SHARED_MANIFEST.stream().map(e -> e.json() + "\n").collect(Collectors.joining()),
                StandardCharsets.UTF_8);
        Random seeds = new Random(SEED);
        List<List<Op>> plans = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random r = new Random(seeds.nextLong());
            Model m = new Model();
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < OPS; i++) {
                int contest = CONTESTS_AT.indexOf(i);
                if (contest >= 0) {
                    ops.add(new Op(t, i, Kind.CONTEST, "", null, SHARED_MANIFEST, shared, contest));
                    continue;
                }
                if (t == 0 && i == CONTESTS_AT.get(1) + 1) {
                    ops.add(new Op(t, i, Kind.TOKEN_MISUSE, "shared-b2", null, List.of(), null, 0));
                    continue;
                }
                Op op = next(r, m, t, i, data);
                if (op.manifest() != null) {
                    Files.writeString(op.manifest(), op.text(), StandardCharsets.UTF_8);
                }
                m.apply(op);
                ops.add(op);
            }
            plans.add(ops);
        }
        return plans;
    }

    /** A random operation on one of the thread's projects, mostly one that makes sense now. */
    private static Op next(Random r, Model m, int t, int i, Path data) {
        String p = "t" + t + "-p" + r.nextInt(PROJECTS_PER_THREAD);
        String type = TYPES.get(r.nextInt(TYPES.size()));
        int x = r.nextInt(100);
        Kind kind;
        if (!m.projects.containsKey(p)) {
            kind = x < 80 ? Kind.CREATE_PROJECT : x < 90 ? Kind.CREATE_EMPTY : Kind.DESCRIBE_DATASET;
        } else if (m.dataset(p, type) == null) {
            kind = x < 40 ? Kind.CREATE_FROM_MANIFEST : x < 52 ? Kind.CREATE_EMPTY
                    : x < 58 ? Kind.CREATE_FROM_BAD_MANIFEST : x < 62 ? Kind.UPDATE
                    : x < 70 ? Kind.DELETE_PROJECT : x < 80 ? Kind.LIST_PROJECTS
                    : x < 90 ? Kind.PEEK : Kind.DESCRIBE_DATASET;
        } else {
            kind = x < 36 ? Kind.UPDATE : x < 42 ? Kind.UPDATE_BAD : x < 52 ? Kind.DESCRIBE_DATASET
                    : x < 64 ? Kind.LIST_ENTRIES : x < 69 ? Kind.LIST_PROJECTS : x < 79 ? Kind.DELETE_DATASET
                    : x < 82 ? Kind.CREATE_FROM_MANIFEST : x < 86 ? Kind.DELETE_PROJECT
                    : x < 96 ? Kind.PEEK : Kind.CREATE_PROJECT;
        }
        if (kind == Kind.PEEK) {
            p = "t" + ((t + 1 + r.nextInt(THREADS - 1)) % THREADS) + "-p" + r.nextInt(PROJECTS_PER_THREAD);
        }
        Ds d = m.dataset(p, type);
        boolean s3 = d != null && d.s3();
        List<Integer> images = IntStream.range(0, IMAGES).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(images, r);
        int n = switch (kind) {
            case CREATE_FROM_MANIFEST -> 10 + r.nextInt(50);
            case CREATE_FROM_BAD_MANIFEST -> 5 + r.nextInt(10);
            case UPDATE -> 1 + r.nextInt(25); // some replace entries, the others are new
            case UPDATE_BAD -> 1 + r.nextInt(5);
            default -> 0;
        };
        List<Entry> lines = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            lines.add(entry(ref(TestImages.ref(images.get(j)), s3), TestImages.randomLabel(r)));
        }
        if (kind == Kind.CREATE_FROM_BAD_MANIFEST || kind == Kind.UPDATE_BAD) {
            // One missing image fails the whole import or update.
            lines.add(r.nextInt(n + 1), entry(ref(TestImages.FOLDER + "/missing.png", s3), Label.NORMAL));
        }
        boolean imports = kind == Kind.CREATE_FROM_MANIFEST || kind == Kind.CREATE_FROM_BAD_MANIFEST;
        return new Op(t, i, kind, p, type, List.copyOf(lines),
                imports ? data.resolve("t" + t + "-op" + i + ".manifest") : null, 1 + r.nextInt(40));
    }

    private static Entry entry(String ref, Label label) {
        return new Entry(ref, label, TestImages.line(ref, label));
    }

    private static String ref(String relative, boolean s3) {
        return s3 ? "s3://" + BUCKET + "/" + relative : relative;
    }

    // ---- running an operation ----

    /**
     * Runs one operation and says what came back, in the words {@link Model#apply} predicts:
     * {@code ok ...} or the simple name of the service exception. Anything else is a failure.
     */
    private static String execute(LookoutVision lv, LookoutVisionWaiter waiter, Op op, Problems failures) {
        String p = op.project();
        String t = op.type();
        try {
            return switch (op.kind()) {
                case CREATE_PROJECT -> {
                    lv.createProject(b -> b.projectName(p));
                    yield "ok";
                }
                case DELETE_PROJECT -> {
                    lv.deleteProject(b -> b.projectName(p));
                    yield "ok";
                }
                case CREATE_EMPTY -> "ok " + lv.createDataset(b -> b.projectName(p).datasetType(t))
                        .datasetMetadata().status();
                case CREATE_FROM_MANIFEST, CREATE_FROM_BAD_MANIFEST -> {
                    DatasetStatus first = lv.createDataset(b -> b.projectName(p).datasetType(t), op.manifest())
                            .datasetMetadata().status();
                    yield "ok " + first + " -> " + settle(lv, op, () -> waiter.waitUntilDatasetCreated(
                            b -> b.projectName(p).datasetType(t)));
                }
                case UPDATE, UPDATE_BAD -> {
                    DatasetStatus first = lv.updateDatasetEntries(b -> b.projectName(p).datasetType(t)
                            .changes(SdkBytes.fromUtf8String(op.text()))).status();
                    yield "ok " + first + " -> " + settle(lv, op, () -> waiter.waitUntilDatasetUpdated(
                            b -> b.projectName(p).datasetType(t)));
                }
                case DELETE_DATASET -> {
                    lv.deleteDataset(b -> b.projectName(p).datasetType(t));
                    yield "ok";
                }
                case DESCRIBE_DATASET -> {
                    DatasetDescription d = lv.describeDataset(b -> b.projectName(p).datasetType(t))
                            .datasetDescription();
                    yield "ok " + d.status() + " " + stats(d.imageStats());
                }
                case LIST_ENTRIES -> {
                    List<String> lines = lv.listDatasetEntriesPaginator(b -> b.projectName(p).datasetType(t)
                            .maxResults(op.pageSize())).datasetEntries().stream().toList();
                    yield "ok " + lines.size() + " " + TestImages.digest(lines);
                }
                case LIST_PROJECTS -> {
                    List<String> all = lv.listProjectsPaginator(b -> b.maxResults(1 + op.pageSize() % 4)).projects()
                            .stream().map(ProjectMetadata::projectName).toList();
                    // Projects come and go meanwhile, but a name is never listed twice or out of order.
                    if (!all.equals(all.stream().sorted().distinct().toList())) {
                        failures.add(op + ": ListProjects is not in name order without repeats: " + all);
                    }
                    yield "ok " + all.stream().filter(n -> n.startsWith("t" + op.thread() + "-")).toList();
                }
                case PEEK -> peek(lv, op, failures);
                case TOKEN_MISUSE -> {
                    lv.createProject(b -> b.projectName(p).clientToken(SHARED_TOKEN));
                    yield "ok";
                }
                case CONTEST -> contest(lv, waiter, op);
            };
        } catch (LookoutVisionException e) {
            return e.getClass().getSimpleName();
        } catch (RuntimeException | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            failures.add(op + ": threw " + trace);
            return "UNEXPECTED " + e;
        }
    }

    /**
     * Waits for an import or update to settle, and says how it ended: the final status, and for
     * a failure whether the status message explains it.
     */
    private static String settle(LookoutVision lv, Op op, Runnable wait) {
        try {
            wait.run();
        } catch (WaiterException e) {
            // A failure status: described below.
        }
        DatasetDescription d = lv.describeDataset(b -> b.projectName(op.project()).datasetType(op.type()))
                .datasetDescription();
        boolean failed = d.status() == DatasetStatus.CREATE_FAILED
                || d.status() == DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE;
        boolean explained = d.statusMessage() != null && !d.statusMessage().isBlank();
        return d.status() + (failed ? explained ? " (explained)" : " (unexplained)" : "");
    }

    /**
     * Another thread's dataset, read while that thread changes it: it may vanish (not found), or
     * be deleted and created again between two pages (the page token is then refused), but the
     * entries listed never repeat a source-ref.
     */
    private static String peek(LookoutVision lv, Op op, Problems failures) {
        try {
            lv.describeDataset(b -> b.projectName(op.project()).datasetType(op.type()));
            List<String> lines = lv.listDatasetEntriesPaginator(b -> b.projectName(op.project())
                    .datasetType(op.type()).maxResults(op.pageSize())).datasetEntries().stream().toList();
            Set<String> refs = new HashSet<>();
            for (String line : lines) {
                String ref = sourceRef(line);
                if (!refs.add(ref)) {
                    failures.add(op + ": listed " + ref + " twice");
                }
            }
            return "peeked " + lines.size();
        } catch (ResourceNotFoundException | ValidationException e) {
            return "peeked: " + e.getClass().getSimpleName();
        }
    }

    /**
     * The races, all threads at once. 0: the same project name, no token: one creates it, the
     * others get ConflictException. 1: the same name and ClientToken: every call returns the one
     * project created. 2: a dataset of the project from race 0, same type: one wins. 3: an import
     * into the project from race 1 with one ClientToken: every call returns the first call's
     * response, and the manifest is imported once.
     */
    private static String contest(LookoutVision lv, LookoutVisionWaiter waiter, Op op) {
        switch (op.pageSize()) {
            case 0 -> lv.createProject(b -> b.projectName("shared-a"));
            case 1 -> {
                CreateProjectResponse r = lv.createProject(b -> b.projectName("shared-b").clientToken(SHARED_TOKEN));
                return "ok " + r.projectMetadata().projectArn() + " " + r.projectMetadata().creationTimestamp();
            }
            case 2 -> lv.createDataset(b -> b.projectName("shared-a").datasetType("train"));
            case 3 -> {
                DatasetMetadata m = lv.createDataset(b -> b.projectName("shared-b").datasetType("test")
                        .clientToken("shared-token-2"), op.manifest()).datasetMetadata();
                Op settled = new Op(op.thread(), op.index(), op.kind(), "shared-b", "test", op.lines(), null, 0);
                return "ok " + m.creationTimestamp() + " " + m.status() + " -> " + settle(lv, settled,
                        () -> waiter.waitUntilDatasetCreated(b -> b.projectName("shared-b").datasetType("test")));
            }
            default -> throw new AssertionError(op);
        }
        return "ok";
    }

    /** The races' outcomes, and their effect on the model. */
    private static void checkContests(List<List<Done>> results, Model model, Problems failures) {
        for (int c = 0; c < CONTESTS_AT.size(); c++) {
            int contest = c;
            List<String> outcomes = results.stream().flatMap(List::stream)
                    .filter(d -> d.op().kind() == Kind.CONTEST && d.op().pageSize() == contest)
                    .map(Done::outcome).sorted().toList();
            List<String> expected = new ArrayList<>();
            if (contest == 1 || contest == 3) {
                // The first call's response, returned to every caller.
                String first = outcomes.isEmpty() ? "?" : outcomes.get(0);
                boolean plausible = contest == 1 ? first.startsWith("ok arn:")
                        : first.startsWith("ok ") && first.endsWith(" CREATE_IN_PROGRESS -> CREATE_COMPLETE");
                expected.addAll(Collections.nCopies(THREADS, plausible ? first : "ok <the first call's response>"));
            } else {
                expected.addAll(Collections.nCopies(THREADS - 1, "ConflictException"));
                expected.add("ok");
            }
            if (!outcomes.equals(expected)) {
                failures.add("race " + contest + ": the threads got " + outcomes + ", expected " + expected);
            }
        }
        model.apply(new Op(-1, 0, Kind.CREATE_PROJECT, "shared-a", null, List.of(), null, 0));
        model.apply(new Op(-1, 1, Kind.CREATE_PROJECT, "shared-b", null, List.of(), null, 0));
        model.apply(new Op(-1, 2, Kind.CREATE_EMPTY, "shared-a", "train", List.of(), null, 0));
        model.apply(new Op(-1, 3, Kind.CREATE_FROM_MANIFEST, "shared-b", "test", SHARED_MANIFEST, null, 0));
    }

    /** Projects, datasets, statuses, image stats and entries (in order) as the model has them. */
    private static void checkFinalState(LookoutVision lv, Model model, Problems failures) {
        List<String> names = lv.listProjectsPaginator(b -> b.maxResults(3)).projects().stream()
                .map(ProjectMetadata::projectName).toList();
        if (!names.equals(List.copyOf(model.projects.keySet()))) {
            failures.add("final projects " + names + ", expected " + model.projects.keySet());
        }
        model.projects.forEach((p, datasets) -> {
            if (!names.contains(p)) {
                return;
            }
            Map<String, String> listed = new TreeMap<>();
            lv.describeProject(b -> b.projectName(p)).projectDescription().datasets()
                    .forEach(m -> listed.put(m.datasetType(), m.status().toString()));
            Map<String, String> expected = new TreeMap<>();
            datasets.forEach((t, d) -> expected.put(t, d.status().toString()));
            if (!listed.equals(expected)) {
                failures.add("final datasets of " + p + ": " + listed + ", expected " + expected);
                return;
            }
            datasets.forEach((t, d) -> {
                DatasetDescription got = lv.describeDataset(b -> b.projectName(p).datasetType(t)).datasetDescription();
                String want = d.status() + " " + d.stats();
                if (!want.equals(got.status() + " " + stats(got.imageStats()))) {
                    failures.add("final " + p + "/" + t + ": " + got.status() + " " + stats(got.imageStats())
                            + ", expected " + want);
                }
                List<String> lines = lv.listDatasetEntriesPaginator(b -> b.projectName(p).datasetType(t)
                        .maxResults(25)).datasetEntries().stream().toList();
                if (!lines.equals(d.lines())) {
                    failures.add("final entries of " + p + "/" + t + ": " + lines.size() + " ("
                            + TestImages.digest(lines) + "), expected " + d.lines().size() + " ("
                            + TestImages.digest(d.lines()) + ")");
                }
            });
        });
    }

    /** How many operations of each kind ran, and how many of those ended in a service exception. */
    private static String summary(List<List<Done>> results) {
        Map<Kind, int[]> counts = new TreeMap<>();
        results.stream().flatMap(List::stream).forEach(d -> {
            int[] c = counts.computeIfAbsent(d.op().kind(), k -> new int[2]);
            c[0]++;
            c[1] += d.outcome().endsWith("Exception") ? 1 : 0;
        });
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0]
                + (e.getValue()[1] > 0 ? " (" + e.getValue()[1] + " refused)" : "")).collect(Collectors.joining(", "));
    }

    private static String stats(DatasetImageStats s) {
        return "total=" + s.total() + " labeled=" + s.labeled() + " normal=" + s.normal() + " anomaly=" + s.anomaly();
    }

    private static String sourceRef(String line) {
        try {
            return JSON.readTree(line).path("source-ref").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the sequential model ----

    /** A dataset in the model: status, entries in listing order by source-ref, whether refs are s3://. */
    record Ds(DatasetStatus status, Map<String, Entry> entries, boolean s3) {
        List<String> lines() {
            return entries.values().stream().map(Entry::json).toList();
        }

        String stats() {
            long normal = entries.values().stream().filter(e -> e.label() == Label.NORMAL).count();
            long anomaly = entries.values().stream().filter(e -> e.label() == Label.ANOMALY).count();
            return "total=" + entries.size() + " labeled=" + (normal + anomaly) + " normal=" + normal
                    + " anomaly=" + anomaly;
        }
    }

    /** The service's rules on plain maps, one operation at a time. */
    static final class Model {
        final Map<String, Map<String, Ds>> projects = new TreeMap<>();

        Ds dataset(String p, String t) {
            Map<String, Ds> ds = projects.get(p);
            return ds == null ? null : ds.get(t);
        }

        /** Applies {@code op} and returns the outcome it predicts, in {@link #execute}'s words. */
        String apply(Op op) {
            String p = op.project();
            String t = op.type();
            Map<String, Ds> datasets = projects.get(p);
            Ds d = datasets == null || t == null ? null : datasets.get(t);
            switch (op.kind()) {
                case CREATE_PROJECT -> {
                    if (datasets != null) {
                        return "ConflictException";
                    }
                    projects.put(p, new TreeMap<>());
                    return "ok";
                }
                case TOKEN_MISUSE -> {
                    return "ConflictException";
                }
                case LIST_PROJECTS -> {
                    return "ok " + projects.keySet().stream().filter(n -> n.startsWith("t" + op.thread() + "-"))
                            .toList();
                }
                default -> {
                    // Every other operation names a project that must exist.
                }
            }
            if (datasets == null) {
                return "ResourceNotFoundException";
            }
            switch (op.kind()) {
                case DELETE_PROJECT -> {
                    if (!datasets.isEmpty()) {
                        return "ConflictException";
                    }
                    projects.remove(p);
                    return "ok";
                }
                case CREATE_EMPTY, CREATE_FROM_MANIFEST, CREATE_FROM_BAD_MANIFEST -> {
                    if (d != null) {
                        return "ConflictException";
                    }
                    if (op.kind() == Kind.CREATE_EMPTY) {
                        datasets.put(t, new Ds(DatasetStatus.CREATE_COMPLETE, Map.of(), true));
                        return "ok CREATE_COMPLETE";
                    }
                    if (op.kind() == Kind.CREATE_FROM_BAD_MANIFEST) {
                        datasets.put(t, new Ds(DatasetStatus.CREATE_FAILED, Map.of(), false));
                        return "ok CREATE_IN_PROGRESS -> CREATE_FAILED (explained)";
                    }
                    datasets.put(t, new Ds(DatasetStatus.CREATE_COMPLETE, merge(Map.of(), op.lines()), false));
                    return "ok CREATE_IN_PROGRESS -> CREATE_COMPLETE";
                }
                default -> {
                    // Every other operation names a dataset that must exist.
                }
            }
            if (d == null) {
                return "ResourceNotFoundException";
            }
            switch (op.kind()) {
                case UPDATE, UPDATE_BAD -> {
                    if (d.status() == DatasetStatus.CREATE_FAILED) {
                        return "ConflictException";
                    }
                    if (op.kind() == Kind.UPDATE_BAD) {
                        datasets.put(t, new Ds(DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE, d.entries(), d.s3()));
                        return "ok UPDATE_IN_PROGRESS -> UPDATE_FAILED_ROLLBACK_COMPLETE (explained)";
                    }
                    datasets.put(t, new Ds(DatasetStatus.UPDATE_COMPLETE, merge(d.entries(), op.lines()), d.s3()));
                    return "ok UPDATE_IN_PROGRESS -> UPDATE_COMPLETE";
                }
                case DELETE_DATASET -> {
                    datasets.remove(t);
                    return "ok";
                }
                case DESCRIBE_DATASET -> {
                    return "ok " + d.status() + " " + d.stats();
                }
                case LIST_ENTRIES -> {
                    return "ok " + d.entries().size() + " " + TestImages.digest(d.lines());
                }
                default -> throw new AssertionError(op);
            }
        }

        /** A line replaces the entry with its source-ref in place, or is appended. */
        private static Map<String, Entry> merge(Map<String, Entry> current, List<Entry> changes) {
            Map<String, Entry> merged = new LinkedHashMap<>(current);
            changes.forEach(e -> merged.put(e.ref(), e));
            return Collections.unmodifiableMap(merged);
        }
    }

    /** Problems found by any thread. */
    private static final class Problems {
        private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

        void add(String problem) {
            items.add(problem);
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        int size() {
            return items.size();
        }

        List<String> list() {
            return List.copyOf(items);
        }
    }
}
