package dev.loupe.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code loupe} command line. */
@Command(name = "loupe", mixinStandardHelpOptions = true, versionProvider = Loupe.Version.class,
        description = "Visual anomaly detection with Amazon Lookout for Vision semantics, offline on the JVM.",
        subcommands = {DemoCommand.class, EvaluateCommand.class, ManifestCommand.class, ImageCommand.class, TestdataCommand.class,
                CommandLine.HelpCommand.class})
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

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        // Standard output carries results only; SameDiff prints notes on System.out while it
        // builds graphs, so everything else printed there goes to standard error instead.
        System.setOut(System.err);
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
            commandLine.getErr().println("loupe: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            }
            return e instanceof IllegalArgumentException || e instanceof java.io.IOException ? BAD_INPUT : INTERNAL;
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
