package dev.loupe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.api.CrashWorkload.Dataset;
import dev.loupe.api.CrashWorkload.Kind;
import dev.loupe.api.CrashWorkload.Model;
import dev.loupe.api.CrashWorkload.Step;
import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetImageStats;
import dev.loupe.api.model.DatasetMetadata;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.ProjectMetadata;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed at any point leaves a workspace that opens: a dataset caught mid-import or
 * mid-update is reported failed (or rolled back) with a message, and no entry is lost or
 * duplicated.
 *
 * <p>{@link CrashWorkload} runs in a child JVM and is killed ({@code SIGKILL}, no shutdown
 * hooks) at a random moment, round after round, on the same workspace. After each kill the
 * workspace is opened here and every invariant checked against the workload's journal: the
 * acknowledged steps must all be there, the step in flight may have landed or not, and nothing
 * in between is allowed.
 */
class CrashRecoveryTest {
    private static final long SEED = 20_240_601L;
    private static final int ROUNDS = 18;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsTheWorkspaceAlwaysReopensConsistent() throws Exception {
        Path data = dir.resolve("data");
        Path workspace = dir.resolve("workspace");
        Path journal = dir.resolve("journal.txt");
        TestImages.write(data, CrashWorkload.IMAGES);
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        List<String> log = new ArrayList<>();
        int roundsWithRepairs = 0;
        int previousSteps = 0;
        for (int round = 1; round <= ROUNDS && failures.isEmpty(); round++) {
            long delay = 100 + random.nextInt(1401);
            long started = System.nanoTime();
            Child child = start("work", workspace.toString(), data.toString(), journal.toString(),
                    Long.toString(SEED));
            long startup;
            try {
                awaitLine(child, CrashWorkload.READY);
                startup = (System.nanoTime() - started) / 1_000_000;
                // Counted from READY, so that the kill lands in the workload rather than in JVM startup.
                Thread.sleep(delay);
                if (!child.process().isAlive()) {
                    fail("round " + round + ": the workload stopped by itself (exit "
                            + child.process().exitValue() + "); " + child.stderr());
                }
            } finally {
                child.process().destroyForcibly();
                assertTrue(child.process().waitFor(30, TimeUnit.SECONDS), "the killed child did not go");
            }

            // The journal: every acknowledged step, in order, with what the facade reported after it.
            List<String> acknowledged = CrashWorkload.readJournal(journal);
            Model before = Model.EMPTY;
            for (int k = 0; k < acknowledged.size(); k++) {
                Step s = CrashWorkload.plan(SEED, k, before);
                before = before.apply(s);
                String expected = CrashWorkload.journalLine(s, before.outcome(s.target()));
                if (!acknowledged.get(k).equals(expected)) {
                    // The facade answered the step otherwise than planned (this needs no crash).
                    fail("round " + round + ", " + s + ": the workload acknowledged '" + acknowledged.get(k)
                            + "' but the plan expects '" + expected + "'\n" + String.join("\n", log));
                }
            }
            Step interrupted = CrashWorkload.plan(SEED, acknowledged.size(), before);

            // Reopen in this process: it must open (so the lock died with the child) and repair.
            List<String> repairs;
            LocalLookoutVision reopened;
            try {
                reopened = (LocalLookoutVision) CrashWorkload.open(workspace, data);
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + ": the workspace does not open after a kill in "
                        + interrupted + ": " + e, e);
            }
            try (LocalLookoutVision lv = reopened) {
                repairs = lv.repairs();
                check("round " + round + " (" + acknowledged.size() + " steps acknowledged, killed in "
                        + interrupted + ")", lv, before, interrupted, failures);
                checkNoLitter("round " + round, workspace, failures);
            }
            if (!repairs.isEmpty()) {
                roundsWithRepairs++;
            }
            log.add(String.format("round %2d: READY after %4d ms, killed %4d ms later, %3d steps (+%d), in %s;"
                    + " repairs: %s", round, startup, delay, acknowledged.size(), acknowledged.size() - previousSteps,
                    interrupted, repairs));
            previousSteps = acknowledged.size();
        }
        log.forEach(System.out::println);
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures) + "\n" + String.join("\n", log));
        }
        // The test means something only if the workload got somewhere and some kill caught an
        // import or update in flight (almost every kill does: that is where the time goes).
        assertTrue(previousSteps >= ROUNDS, "only " + previousSteps + " steps in " + ROUNDS + " rounds");
        assertTrue(roundsWithRepairs > 0, "no kill caught an import or update in flight:\n" + String.join("\n", log));
    }

    @Test
    void aSecondProcessCannotOpenAnOpenWorkspace() throws Exception {
        Path workspace = dir.resolve("workspace");
        Child holder = start("hold", workspace.toString());
        try {
            awaitLine(holder, CrashWorkload.READY);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> LookoutVision.local(workspace));
            assertTrue(e.getMessage().contains("is already open"), e.getMessage());
            assertTrue(e.getMessage().contains("process " + holder.process().pid()),
                    "names the holder: " + e.getMessage());
        } finally {
            holder.process().destroyForcibly();
            holder.process().waitFor(30, TimeUnit.SECONDS);
        }
        // The operating system dropped the killed holder's lock.
        try (LookoutVision lv = LookoutVision.local(workspace)) {
            lv.createProject(b -> b.projectName("after"));
        }
    }

    @Test
    void theSameWorkspaceCannotBeOpenedTwiceInOneProcess() throws Exception {
        Path workspace = dir.resolve("workspace");
        try (LookoutVision first = LookoutVision.local(workspace)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> LookoutVision.local(workspace));
            assertTrue(e.getMessage().contains("is already open"), e.getMessage());
            // The refused attempt must leave the first one's lock whole: other processes are still refused.
            String probe = probe(workspace);
            assertTrue(probe.startsWith("REFUSED"), "another process could open it: " + probe);
            first.createProject(b -> b.projectName("first"));
        }
        try (LookoutVision again = LookoutVision.local(workspace)) {
            assertEquals("first", again.describeProject(b -> b.projectName("first")).projectDescription().projectName());
        }
    }

    // ---- the checks after each kill ----

    /**
     * Every invariant of the reopened workspace. {@code before} is the state the acknowledged
     * steps left; {@code interrupted} the step the kill caught, which may have landed or not.
     */
    private static void check(String where, LookoutVision lv, Model before, Step interrupted, List<String> failures) {
        Model after = before.apply(interrupted);
        Map<String, List<String>> entries = new TreeMap<>();
        Map<String, String> actual = snapshot(where, lv, entries, failures);

        Set<String> targets = new TreeSet<>(actual.keySet());
        before.projects().forEach((p, ds) -> {
            targets.add(p);
            ds.keySet().forEach(t -> targets.add(p + "/" + t));
        });
        targets.add(interrupted.target());
        for (String target : targets) {
            String got = actual.getOrDefault(target, "ABSENT");
            Set<String> allowed = target.equals(interrupted.target())
                    ? allowedAfterKill(before, after, interrupted)
                    : Set.of(before.outcome(target));
            if (!allowed.contains(got)) {
                failures.add(where + ": " + target + " is " + got + ", expected " + (allowed.size() == 1
                        ? allowed.iterator().next() : "one of " + allowed)
                        + difference(entries.get(target), before, after, target));
            }
        }
    }

    /**
     * What the target of the step in flight may look like: as before, as after, or as the repair
     * of a crash reports it. An import caught in flight is CREATE_FAILED with no entries; an update
     * caught in flight is rolled back (its entries those before it, or after it when the kill
     * caught a retry of an update that had already landed: applying it twice changes nothing).
     */
    private static Set<String> allowedAfterKill(Model before, Model after, Step s) {
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(before.outcome(s.target()));
        allowed.add(after.outcome(s.target()));
        if (s.kind() == Kind.CREATE_FROM_MANIFEST) {
            allowed.add(Dataset.outcome(DatasetStatus.CREATE_FAILED, List.of()));
        } else if (s.kind() == Kind.UPDATE || s.kind() == Kind.UPDATE_BAD) {
            for (Model m : List.of(before, after)) {
                allowed.add(Dataset.outcome(DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE,
                        m.dataset(s.project(), s.type()).lines()));
            }
        }
        return allowed;
    }

    /**
     * The workspace as the facade lists it, target by target in the journal's words, checking
     * on the way what holds whatever the workload did: no dataset left in progress, a failure
     * always explained, source-refs unique, image stats that agree with the entries.
     */
    private static Map<String, String> snapshot(String where, LookoutVision lv, Map<String, List<String>> entries,
                                                List<String> failures) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = lv.listProjectsPaginator(b -> b.maxResults(2)).projects().stream()
                .map(ProjectMetadata::projectName).toList();
        if (!names.equals(names.stream().sorted().distinct().toList())) {
            failures.add(where + ": ListProjects is not in name order without repeats: " + names);
        }
        for (String p : names) {
            out.put(p, "PRESENT");
            for (DatasetMetadata m : lv.describeProject(b -> b.projectName(p)).projectDescription().datasets()) {
                String t = m.datasetType();
                String target = p + "/" + t;
                DatasetDescription d = lv.describeDataset(b -> b.projectName(p).datasetType(t)).datasetDescription();
                if (d.status().inProgress()) {
                    failures.add(where + ": " + target + " was left " + d.status());
                }
                if ((d.status() == DatasetStatus.CREATE_FAILED
                        || d.status() == DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE)
                        && (d.statusMessage() == null || d.statusMessage().isBlank())) {
                    failures.add(where + ": " + target + " is " + d.status() + " without a message");
                }
                if (m.status() != d.status()) {
                    failures.add(where + ": " + target + " is " + m.status() + " in DescribeProject but "
                            + d.status() + " in DescribeDataset");
                }
                // Small pages, so that the listing crosses many page tokens.
                List<String> lines = lv.listDatasetEntriesPaginator(b -> b.projectName(p).datasetType(t)
                        .maxResults(37)).datasetEntries().stream().toList();
                entries.put(target, lines);
                checkEntries(where + ": " + target, lines, d.imageStats(), failures);
                out.put(target, Dataset.outcome(d.status(), lines));
            }
        }
        return out;
    }

    private static void checkEntries(String where, List<String> lines, DatasetImageStats stats, List<String> failures) {
        Set<String> refs = new HashSet<>();
        int normal = 0;
        int anomaly = 0;
        for (String line : lines) {
            JsonNode node = json(line);
            String ref = node.path("source-ref").asText();
            if (!refs.add(ref)) {
                failures.add(where + ": source-ref " + ref + " is listed twice");
            }
            String className = node.path("anomaly-label-metadata").path("class-name").asText();
            normal += className.equals("normal") ? 1 : 0;
            anomaly += className.equals("anomaly") ? 1 : 0;
        }
        DatasetImageStats listed = DatasetImageStats.builder().total(lines.size()).labeled(normal + anomaly)
                .normal(normal).anomaly(anomaly).build();
        if (!listed.equals(stats)) {
            failures.add(where + ": image stats " + stats + " but the listed entries make " + listed);
        }
    }

    /** Where the entries of a target differ from those before and after the step in flight. */
    private static String difference(List<String> lines, Model before, Model after, String target) {
        if (lines == null || !target.contains("/")) {
            return "";
        }
        String p = target.substring(0, target.indexOf('/'));
        String t = target.substring(target.indexOf('/') + 1);
        StringBuilder b = new StringBuilder();
        for (Model m : List.of(before, after)) {
            Dataset d = m.dataset(p, t);
            List<String> expected = d == null ? List.of() : d.lines();
            List<String> missing = expected.stream().filter(l -> !lines.contains(l)).toList();
            List<String> extra = lines.stream().filter(l -> !expected.contains(l)).toList();
            b.append(m == before ? "\n    against before: " : "\n    against after: ")
                    .append(missing.size()).append(" missing ").append(refs(missing)).append(", ")
                    .append(extra.size()).append(" unexpected ").append(refs(extra))
                    .append(missing.isEmpty() && extra.isEmpty() ? " (same entries, another order or status)" : "");
        }
        return b.toString();
    }

    private static String refs(List<String> lines) {
        return lines.stream().limit(5).map(l -> json(l).path("source-ref").asText())
                .collect(Collectors.joining(", ", "[", lines.size() > 5 ? ", ...]" : "]"));
    }

    /**
     * Nothing a crash leaves behind survives the reopen: no temporary files, no trash folders, no
     * generation of entries that the dataset's descriptor does not name.
     */
    private static void checkNoLitter(String where, Path workspace, List<String> failures) throws IOException {
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(".tmp-") || name.startsWith(".trash-")) {
                    failures.add(where + ": left behind: " + workspace.relativize(f));
                }
                if (name.equals("dataset.json")) {
                    long generation = JSON.readTree(f.toFile()).path("generation").asLong();
                    try (Stream<Path> siblings = Files.list(f.getParent())) {
                        siblings.map(s -> s.getFileName().toString())
                                .filter(s -> s.startsWith("entries-") && !s.equals("entries-" + generation + ".jsonl"))
                                .forEach(s -> failures.add(where + ": " + workspace.relativize(f.getParent())
                                        + " keeps " + s + " though its descriptor names generation " + generation));
                    }
                }
            }
        }
    }

    // ---- child processes ----

    /** A child JVM and the file its stderr goes to. */
    private record Child(Process process, Path err) {
        String stderr() {
            try {
                String text = Files.readString(err, StandardCharsets.UTF_8);
                return text.isBlank() ? "(no stderr)" : "stderr:\n" + text.substring(Math.max(0, text.length() - 4000));
            } catch (IOException e) {
                return "(stderr unreadable: " + e + ")";
            }
        }
    }

    private Child start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                CrashWorkload.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "child-", ".err");
        // stdin stays an open pipe: the child exits when it closes, so a lost test leaves no child behind.
        return new Child(new ProcessBuilder(command).redirectError(err.toFile()).start(), err);
    }

    /** Waits for the child to print {@code expected}; fails with its stderr if it dies first. */
    private static void awaitLine(Child child, String expected) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.process().getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String got = line.get(60, TimeUnit.SECONDS);
        if (!expected.equals(got)) {
            child.process().waitFor(10, TimeUnit.SECONDS);
            fail("the child said " + got + " instead of " + expected + "; " + child.stderr());
        }
    }

    /** What a child that tries to open the workspace reports. */
    private String probe(Path workspace) throws Exception {
        Child p = start("probe", workspace.toString());
        String line = new BufferedReader(new InputStreamReader(p.process().getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(p.process().waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
        return line == null ? "nothing; " + p.stderr() : line;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
