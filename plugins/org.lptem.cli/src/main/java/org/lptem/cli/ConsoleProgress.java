package org.lptem.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lptem.core.CanceledException;
import org.lptem.core.Progress;

/**
 * A progress bar on standard error. On a terminal it redraws one line; in logs (batch jobs, CI) it prints a line
 * every 10% so the log stays short. Ctrl-C cancels it through {@link CancelOnExit}.
 */
final class ConsoleProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final AtomicBoolean canceled = new AtomicBoolean();
    private int lastDecile = -1;
    private int lastDrawn = -1;
    private String lastMessage = "";

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ConsoleProgress forStandardError(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null);
    }

    void cancel() {
        canceled.set(true);
    }

    @Override
    public void report(double fraction, String message) {
        double f = Math.max(0, Math.min(1, fraction));
        int percent = (int) Math.floor(f * 100);
        if (terminal) {
            if (percent == lastDrawn && message.equals(lastMessage)) {
                return;
            }
            int filled = (int) Math.round(f * WIDTH);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + String.format("%3d%% ", percent)
                    + pad(message));
            err.flush();
        } else {
            int decile = percent / 10;
            if (decile == lastDecile) {
                return;
            }
            lastDecile = decile;
            err.println(String.format("%3d%% %s", percent, message));
        }
        lastDrawn = percent;
        lastMessage = message;
    }

    private static String pad(String message) {
        String m = message.length() > 40 ? message.substring(0, 40) : message;
        return m + " ".repeat(40 - m.length());
    }

    /** Ends the bar's line so that following output starts on a fresh line. */
    void finish() {
        if (terminal && lastDrawn >= 0) {
            err.println();
            lastDrawn = -1;
        }
    }

    @Override
    public void checkCanceled() {
        if (canceled.get()) {
            throw new CanceledException();
        }
    }
}
