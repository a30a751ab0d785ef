package org.lptem.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code lptem} in-process for the command tests, capturing the exit code and both output streams. */
final class CliRunner {
    record Run(int code, String out, String err) {
    }

    private CliRunner() {
    }

    static Run lptem(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
