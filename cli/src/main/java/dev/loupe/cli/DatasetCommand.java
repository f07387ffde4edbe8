package dev.loupe.cli;

import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetImageStats;
import dev.loupe.api.model.SdkBytes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe dataset create|describe|list-entries|update|delete}. Imports and updates run in
 * this process, so the commands that start them wait until they settle.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Create, describe, list, update and delete a project's train and test datasets.",
        subcommands = {DatasetCommand.Create.class, DatasetCommand.Describe.class, DatasetCommand.ListEntries.class,
                DatasetCommand.Update.class, DatasetCommand.Delete.class})
final class DatasetCommand {
    private DatasetCommand() {
    }

    /** The project and dataset type every dataset command names. */
    static final class Target {
        @Parameters(index = "0", paramLabel = "PROJECT")
        String project;

        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "train or test.")
        String type;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a dataset from a SageMaker Ground Truth manifest and wait for the import.",
                    "Image locations given here (--bucket, --s3-root) are remembered in the workspace."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Option(names = "--manifest", paramLabel = "PATH",
                description = "The manifest (JSON Lines); without it the dataset is created empty.")
        Path manifest;

        @Mixin
        Locations locations;

        @Option(names = "--json", description = "Print the dataset's description as the service's JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec, locations, null, null, null)) {
                if (manifest == null) {
                    s.lv().createDataset(b -> b.projectName(target.project).datasetType(target.type));
                } else {
                    s.lv().createDataset(b -> b.projectName(target.project).datasetType(target.type), manifest,
                            locations.base);
                }
                DatasetDescription d = s.waiter().waitUntilDatasetCreated(b -> b.projectName(target.project)
                        .datasetType(target.type)).matched().response().orElseThrow().datasetDescription();
                print(spec.commandLine().getOut(), d, json);
            }
            return Loupe.OK;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe a dataset.")
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Option(names = "--json", description = "Print the service's response as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                print(spec.commandLine().getOut(), s.lv().describeDataset(b -> b.projectName(target.project)
                        .datasetType(target.type)).datasetDescription(), json);
            }
            return Loupe.OK;
        }
    }

    @Command(name = "list-entries", mixinStandardHelpOptions = true,
            description = "Print a dataset's entries, one manifest line each, optionally filtered.")
    static final class ListEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Option(names = "--labeled", paramLabel = "BOOL", description = "Only labeled (true) or unlabeled (false) entries.")
        Boolean labeled;

        @Option(names = "--anomaly-class", paramLabel = "CLASS", description = "Only entries of this class: normal or anomaly.")
        String anomalyClass;

        @Option(names = "--source-ref-contains", paramLabel = "TEXT", description = "Only entries whose source-ref contains TEXT.")
        String sourceRefContains;

        @Option(names = "--after", paramLabel = "INSTANT", description = "Only entries added after, e.g. 2026-11-30T08:00:00Z.")
        Instant after;

        @Option(names = "--before", paramLabel = "INSTANT", description = "Only entries added before.")
        Instant before;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                PrintWriter out = spec.commandLine().getOut();
                s.lv().listDatasetEntriesPaginator(b -> b.projectName(target.project).datasetType(target.type)
                        .labeled(labeled).anomalyClass(anomalyClass).sourceRefContains(sourceRefContains)
                        .afterCreationDate(after).beforeCreationDate(before)).datasetEntries().forEach(out::println);
            }
            return Loupe.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Add or replace entries from JSON Lines (a line with a known source-ref replaces that entry) "
                    + "and wait for the update.", "A failed update leaves the dataset as it was."})
    static final class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Option(names = "--changes", required = true, paramLabel = "PATH", description = "The entries to add or replace.")
        Path changes;

        @Option(names = "--json", description = "Print the dataset's description as the service's JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            byte[] lines = Files.readAllBytes(changes);
            try (Session s = Session.open(spec)) {
                s.lv().updateDatasetEntries(b -> b.projectName(target.project).datasetType(target.type)
                        .changes(SdkBytes.fromByteArray(lines)));
                DatasetDescription d = s.waiter().waitUntilDatasetUpdated(b -> b.projectName(target.project)
                        .datasetType(target.type)).matched().response().orElseThrow().datasetDescription();
                print(spec.commandLine().getOut(), d, json);
            }
            return Loupe.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a dataset.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                s.lv().deleteDataset(b -> b.projectName(target.project).datasetType(target.type));
                s.waiter().waitUntilDatasetDeleted(b -> b.projectName(target.project).datasetType(target.type));
                spec.commandLine().getOut().println("deleted the " + target.type + " dataset of project " + target.project);
            }
            return Loupe.OK;
        }
    }

    static void print(PrintWriter out, DatasetDescription d, boolean json) {
        if (json) {
            out.println(Json.service(d));
            return;
        }
        DatasetImageStats n = d.imageStats();
        out.printf("%s dataset of project %s: %s, %s%n", d.datasetType(), d.projectName(), d.status(), d.statusMessage());
        if (n != null) {
            out.printf("  %d images: %d labeled (%d normal, %d anomalous), %d unlabeled%n", n.total(), n.labeled(),
                    n.normal(), n.anomaly(), n.total() - n.labeled());
        }
    }
}
