package dev.loupe.cli;

import dev.loupe.api.TrainingListener;
import dev.loupe.api.model.GreengrassConfiguration;
import dev.loupe.api.model.ModelDescription;
import dev.loupe.api.model.ModelMetadata;
import dev.loupe.api.model.ModelPackagingDescription;
import dev.loupe.api.model.TargetPlatform;
import dev.loupe.cli.report.HtmlReport;
import dev.loupe.engine.model.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe model create|describe|list|delete|package}. Training and packaging run inside
 * this process, so the commands that start them return when they have ended.
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Train, describe, list, delete and package a project's models.",
        subcommands = {ModelCommand.Create.class, ModelCommand.Describe.class, ModelCommand.ListModels.class,
                ModelCommand.Delete.class, ModelCommand.Package.class})
final class ModelCommand {
    private ModelCommand() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Train and evaluate a new model version on the project's datasets.",
                    "Training runs in this process: the command returns when the model is TRAINED or TRAINING_FAILED "
                            + "(Ctrl-C abandons it, and the workspace then reads TRAINING_FAILED)."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PROJECT")
        String project;

        @Option(names = "--wait", description = "Show a progress bar: stage, epoch, loss and time left.")
        boolean wait;

        @Option(names = "--output", paramLabel = "DIR",
                description = "Folder for the evaluation manifest and result (default: output/ in the workspace).")
        Path output;

        @Option(names = "--description", paramLabel = "TEXT", description = "The model's description.")
        String description;

        @Option(names = "--report", paramLabel = "DIR", description = "Write the HTML report of the evaluation here.")
        Path report;

        @Option(names = "--json", description = "Print the model's description as the service's JSON.")
        boolean json;

        @Mixin
        TrainingOptions training;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            ProgressBar bar = wait ? new ProgressBar(err) : null;
            try (Session s = Session.open(spec, null, output, bar, training)) {
                ModelMetadata m = s.lv().createModel(b -> b.projectName(project).description(description)
                        .outputConfig(Session.outputConfig(output, project))).modelMetadata();
                if (!wait) {
                    err.printf("training model %s of project %s in this process...%n", m.modelVersion(), project);
                }
                // TRAINING_FAILED ends the wait with a WaiterException naming the status and its message: exit 1.
                ModelDescription d;
                try {
                    d = s.waiter().waitUntilModelTrained(b -> b.projectName(project).modelVersion(m.modelVersion()))
                            .matched().response().orElseThrow().modelDescription();
                } finally {
                    if (bar != null) {
                        bar.finish();
                    }
                }
                ModelCommand.print(spec.commandLine().getOut(), d, json);
                if (report != null) {
                    Path page = HtmlReport.write(Reports.trained(s.lv(), s::file, project, d), report);
                    err.println("report: " + page);
                }
            }
            return Loupe.OK;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Describe a model version (latest: the highest).")
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROJECT")
        String project;

        @Parameters(index = "1", paramLabel = "VERSION", defaultValue = "latest")
        String version;

        @Option(names = "--json", description = "Print the service's response as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                print(spec.commandLine().getOut(), s.lv().describeModel(b -> b.projectName(project)
                        .modelVersion(version)).modelDescription(), json);
            }
            return Loupe.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a project's models, newest first.")
    static final class ListModels implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PROJECT")
        String project;

        @Option(names = "--json", description = "Print one JSON object per model.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                PrintWriter out = spec.commandLine().getOut();
                for (ModelMetadata m : s.lv().listModelsPaginator(b -> b.projectName(project)).models()) {
                    out.println(json ? Json.service(m) : String.format(Locale.ROOT, "%s\t%s\tF1 %s\t%s", m.modelVersion(),
                            m.status(), m.performance() == null ? "n/a" : Reports.number(m.performance().f1Score()),
                            m.statusMessage()));
                }
            }
            return Loupe.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a model version (not while hosted).")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROJECT")
        String project;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec)) {
                s.lv().deleteModel(b -> b.projectName(project).modelVersion(version));
                spec.commandLine().getOut().println("deleted model " + version + " of project " + project);
            }
            return Loupe.OK;
        }
    }

    @Command(name = "package", mixinStandardHelpOptions = true,
            description = {"Package a model as an AWS IoT Greengrass v2 component (recipe and artifact zip) and wait "
                    + "for the job.", "The artifact runs anywhere the engine does (see EdgeDetector)."})
    static final class Package implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROJECT")
        String project;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        @Option(names = "--component", required = true, paramLabel = "NAME", description = "Greengrass component name.")
        String component;

        @Option(names = "--component-version", paramLabel = "X.Y.Z", description = "Default: <model version>.0.0.")
        String componentVersion;

        @Option(names = "--job-name", paramLabel = "NAME", description = "Default: a generated one.")
        String jobName;

        @Option(names = "--output", paramLabel = "DIR", description = "Folder for the component (default: output/ in the workspace).")
        Path output;

        @ArgGroup(exclusive = true)
        Target target = new Target();

        @Option(names = "--compiler-options", paramLabel = "JSON", description = "Compiler options, with --target-platform.")
        String compilerOptions;

        @Option(names = "--json", description = "Print the job's description as the service's JSON.")
        boolean json;

        static final class Target {
            @Option(names = "--target-device", paramLabel = "DEVICE", description = "e.g. jetson_xavier.")
            String device;

            @Option(names = "--target-platform", paramLabel = "OS/ARCH[/ACCELERATOR]",
                    description = "e.g. LINUX/X86_64 (the default) or LINUX/ARM64/NVIDIA.")
            String platform;
        }

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(spec, null, output, null, null)) {
                String job = s.lv().startModelPackagingJob(b -> b.projectName(project).modelVersion(version)
                        .jobName(jobName).configuration(c -> c.greengrass(greengrass()))).jobName();
                ModelPackagingDescription d = s.waiter().waitUntilPackagingJobDone(b -> b.projectName(project)
                        .jobName(job)).matched().response().orElseThrow().modelPackagingDescription();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.service(d));
                } else {
                    var g = d.modelPackagingOutputDetails().greengrass();
                    out.printf("packaging job %s: %s, %s%n  component %s %s in %s%n", d.jobName(), d.status(),
                            d.statusMessage(), g.componentName(), g.componentVersion(),
                            s.locator().resolve("s3://" + d.modelPackagingConfiguration().greengrass().s3OutputLocation()
                                    .bucket() + "/" + nullToEmpty(d.modelPackagingConfiguration().greengrass()
                                    .s3OutputLocation().prefix())));
                }
            }
            return Loupe.OK;
        }

        private GreengrassConfiguration greengrass() {
            var out = Session.outputConfig(output, project).s3Location();
            GreengrassConfiguration.Builder g = GreengrassConfiguration.builder().componentName(component)
                    .componentVersion(componentVersion).compilerOptions(compilerOptions)
                    .s3OutputLocation(l -> l.bucket(out.bucket()).prefix(out.prefix() + "components/"));
            if (target.device != null) {
                return g.targetDevice(target.device).build();
            }
            String[] p = (target.platform == null ? "LINUX/X86_64" : target.platform).split("/");
            if (p.length < 2 || p.length > 3) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--target-platform takes OS/ARCH or OS/ARCH/ACCELERATOR, got \"" + target.platform + "\"");
            }
            TargetPlatform.Builder t = TargetPlatform.builder().os(p[0]).arch(p[1]);
            if (p.length == 3) {
                t.accelerator(p[2]);
            }
            return g.targetPlatform(t.build()).build();
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    static void print(PrintWriter out, ModelDescription d, boolean json) {
        if (json) {
            out.println(Json.service(d));
            return;
        }
        out.printf("model %s (%s): %s, %s%n", d.modelVersion(), d.modelArn(), d.status(), d.statusMessage());
        if (d.description() != null) {
            out.println("  description: " + d.description());
        }
        if (d.performance() != null) {
            out.printf("  F1 %s, precision %s, recall %s%n", Reports.number(d.performance().f1Score()),
                    Reports.number(d.performance().precision()), Reports.number(d.performance().recall()));
        }
        if (d.evaluationResult() != null) {
            out.printf("  evaluation: s3://%s/%s%n", d.evaluationResult().bucket(), d.evaluationResult().key());
        }
        if (d.minInferenceUnits() != null) {
            out.printf("  inference units: %d..%d%n", d.minInferenceUnits(), d.maxInferenceUnits());
        }
    }

    /**
     * The {@code --wait} progress bar on standard error: redrawn in place on a terminal, a line
     * per stage and per tenth of the run otherwise (logs, CI).
     */
    static final class ProgressBar implements TrainingListener {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private TrainingProgress.Stage lastStage;
        private int lastTenth = -1;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void onProgress(String project, String version, TrainingProgress p) {
            int tenth = (int) (p.fraction() * 10);
            if (!terminal && p.stage() == lastStage && tenth == lastTenth) {
                return;
            }
            lastStage = p.stage();
            lastTenth = tenth;
            int filled = (int) Math.round(Math.max(0, Math.min(1, p.fraction())) * WIDTH);
            String line = String.format(Locale.ROOT, "%s/%s [%s%s] %3d%% %s", project, version, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), Math.round(p.fraction() * 100), stage(p));
            if (terminal) {
                err.print("\r" + line + "\u001b[K");
            } else {
                err.println(line);
            }
            err.flush();
        }

        private static String stage(TrainingProgress p) {
            String name = p.stage().name().toLowerCase(Locale.ROOT);
            if (p.stage() != TrainingProgress.Stage.TRAINING) {
                return name + ", " + p.elapsed().toSeconds() + " s";
            }
            return String.format(Locale.ROOT, "epoch %d/%d, loss %.4f, %d s, about %d s left", p.epoch(), p.epochs(),
                    p.loss(), p.elapsed().toSeconds(), p.remaining().toSeconds());
        }

        synchronized void finish() {
            if (terminal) {
                err.println();
                err.flush();
            }
        }
    }
}
