package dev.loupe.cli;

import dev.loupe.api.model.InternalServerException;
import dev.loupe.api.model.LookoutVisionException;
import dev.loupe.api.waiters.WaiterException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code loupe} command line. */
@Command(name = "loupe", mixinStandardHelpOptions = true, versionProvider = Loupe.Version.class,
        description = "Visual anomaly detection with Amazon Lookout for Vision semantics, offline on the JVM.",
        footer = {"", "Exit codes: 0 success, 1 a service error or bad input, 2 a usage error, 3 an internal failure."},
        subcommands = {DemoCommand.class, ProjectCommand.class, DatasetCommand.class, ModelCommand.class, DetectCommand.class,
                EvaluateCommand.class, ManifestCommand.class, ImageCommand.class, TestdataCommand.class,
                AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class Loupe {
    /** Success. */
    public static final int OK = 0;
    /** A service error or bad input. */
    public static final int BAD_INPUT = 1;
    /** A usage error. */
    public static final int USAGE = 2;
    /** An internal failure. */
    public static final int INTERNAL = 3;

    @Option(names = "--debug", description = "Print stack traces of failures.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            defaultValue = "${env:LOUPE_WORKSPACE:-${sys:user.home}/.loupe}",
            description = "Workspace of projects, datasets and models (default: $LOUPE_WORKSPACE, else ~/.loupe).")
    Path workspace;

    /** The root command's options, from any subcommand. */
    static Loupe of(CommandSpec spec) {
        return (Loupe) spec.root().userObject();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        // Standard output carries results only. SameDiff prints a note on System.out for every op
        // of every graph it builds: dozens of lines per training run that say nothing to a user,
        // so they are dropped (and with --debug kept, on standard error).
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        System.setOut(debug ? System.err : new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        System.exit(run(args, out, new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Loupe());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE
                : e instanceof IllegalArgumentException ? BAD_INPUT : INTERNAL);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CommandLine.ParameterException usage) {
                // an option whose value is checked by the command itself
                commandLine.getErr().println("loupe: " + usage.getMessage());
                return USAGE;
            }
            boolean debug = commandLine.getCommandSpec().root().userObject() instanceof Loupe l && l.debug;
            int code;
            if (e instanceof LookoutVisionException service) {
                // As the AWS CLI shows them: the error code, then the service's message.
                commandLine.getErr().println("loupe: " + service.errorCode() + ": " + service.getMessage());
                code = service instanceof InternalServerException ? INTERNAL : BAD_INPUT;
            } else {
                commandLine.getErr().println("loupe: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                code = e instanceof CommandFailure f ? f.exitCode()
                        : e instanceof IllegalArgumentException || e instanceof java.io.IOException
                        || e instanceof WaiterException ? BAD_INPUT : INTERNAL;
            }
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            }
            return code;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Loupe.class.getPackage().getImplementationVersion();
            return new String[] {"loupe " + (v == null ? "(development build)" : v)};
        }
    }
}
