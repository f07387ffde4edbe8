package dev.loupe.cli;

import dev.loupe.api.model.DatasetMetadata;
import dev.loupe.api.model.ProjectDescription;
import dev.loupe.api.model.ProjectMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loupe project create|list|describe|delete}. */
@Command(name = "project", mixinStandardHelpOptions = true, description = "Create, list, describe and delete projects.",
        subcommands = {ProjectCommand.Create.class, ProjectCommand.ListProjects.class, ProjectCommand.Describe.class,
                ProjectCommand.Delete.class})
final class ProjectCommand {
    private ProjectCommand() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a project.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PROJECT", description = "Project name: 1-255 of a-z A-Z 0-9 _ . -")
        String project;

        @Option(names = "--json", description = "Print the service's response as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                ProjectMetadata m = s.lv().createProject(b -> b.projectName(project)).projectMetadata();
                PrintWriter out = spec.commandLine().getOut();
                out.println(json ? Json.service(m) : "created project " + m.projectName() + " (" + m.projectArn() + ")");
            }
            return Loupe.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the projects.")
    static final class ListProjects implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON object per project.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                PrintWriter out = spec.commandLine().getOut();
                for (ProjectMetadata p : s.lv().listProjectsPaginator(b -> { }).projects()) {
                    out.println(json ? Json.service(p) : p.projectName() + "\t" + p.creationTimestamp());
                }
            }
            return Loupe.OK;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe a project and its datasets.")
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PROJECT")
        String project;

        @Option(names = "--json", description = "Print the service's response as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                ProjectDescription d = s.lv().describeProject(b -> b.projectName(project)).projectDescription();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.service(d));
                } else {
                    out.printf("project %s (%s), created %s%n", d.projectName(), d.projectArn(), d.creationTimestamp());
                    for (DatasetMetadata m : d.datasets()) {
                        out.printf("  %-5s dataset: %s, %s%n", m.datasetType(), m.status(), m.statusMessage());
                    }
                }
            }
            return Loupe.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a project; delete its datasets and models first, as the service required.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PROJECT")
        String project;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                s.lv().deleteProject(b -> b.projectName(project));
                spec.commandLine().getOut().println("deleted project " + project);
            }
            return Loupe.OK;
        }
    }
}
