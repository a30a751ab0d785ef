package org.lptem.testing;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.CanceledException;
import org.lptem.core.Progress;

/**
 * A progress that records what is reported and cancels at the n-th check (never for n <= 0). Compiled into the tests
 * of each module that needs it (tests/shared, build-helper-maven-plugin).
 */
public final class CancelAt implements Progress {
    public final List<Double> fractions = new ArrayList<>();
    public final List<String> messages = new ArrayList<>();
    private final int check;
    private int checks;

    public CancelAt(int check) {
        this.check = check;
    }

    /** How often the work asked whether it was canceled. */
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
        if (++checks == check) {
            throw new CanceledException();
        }
    }
}
