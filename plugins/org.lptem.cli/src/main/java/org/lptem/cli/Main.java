package org.lptem.cli;

import java.io.PrintWriter;
import org.lptem.core.CanceledException;
import org.lptem.core.LptemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code lptem} command. */
@Command(name = "lptem", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Liquid-phase TEM nanoparticle tracking: read a video, detect particles, link them into "
                + "tracks and compute statistics.",
        subcommands = {AnalyzeCommand.class, InfoCommand.class, ConvertCommand.class, SimulateCommand.class, LinkCommand.class,
                ScoreTrackingCommand.class, BenchTrackingCommand.class, MsdCommand.class, DisplacementsCommand.class,
                VacfCommand.class, SegmentCommand.class, ScoreSegmentationCommand.class, BenchSegmentationCommand.class, UnetCommand.class, BenchSam2Command.class,
                LeonardoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (a bug: please report it with the message)",
                "2:bad input (a file, frame or option value; the message names it)", "130:canceled"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;
    public static final int CANCELED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // ImageIO's file cache registers a shutdown hook per stream: a figure written while Ctrl-C unwinds the
        // command would fail with "Shutdown in progress" and be reported as a bug; the figures fit in memory
        javax.imageio.ImageIO.setUseCache(false);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; used by tests without exiting the JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(Main::exitCode);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("lptem: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = exitCode(ex);
            if (code == INTERNAL_ERROR) {
                err.println("lptem: internal error: " + ex);
                ex.printStackTrace(err);
            } else {
                err.println("lptem: " + ex.getMessage());
            }
            return code;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static int exitCode(Throwable t) {
        if (t instanceof LptemException) {
            return BAD_INPUT;
        }
        if (t instanceof CanceledException) {
            return CANCELED;
        }
        return INTERNAL_ERROR;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"lptem " + (v == null ? "development build" : v)};
        }
    }
}
