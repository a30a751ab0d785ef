package org.lptem.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Progress} for tests of other bundles (core's test jar): records every report and, when asked, cancels from
 * a given check on.
 */
public final class RecordingProgress implements Progress {
    public final List<Double> fractions = new ArrayList<>();
    public final List<String> messages = new ArrayList<>();
    private final int cancelAtCheck;
    private int checks;

    /** Records and never cancels. */
    public RecordingProgress() {
        this(Integer.MAX_VALUE);
    }

    private RecordingProgress(int cancelAtCheck) {
        this.cancelAtCheck = cancelAtCheck;
    }

    /** Records, and cancels at the {@code check}-th call of {@link #checkCanceled()} (1-based) and every later one. */
    public static RecordingProgress cancellingAt(int check) {
        return new RecordingProgress(check);
    }

    /** How many times {@link #checkCanceled()} was called. */
    public int checks() {
        return checks;
    }

    @Override
    public void report(double fraction, String message) {
        fractions.add(fraction);
        messages.add(message);
    }

    @Override
    public void checkCanceled() {
        if (++checks >= cancelAtCheck) {
            throw new CanceledException();
        }
    }
}
