package org.lptem.track;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.CanceledException;
import org.lptem.core.Progress;

/** A progress that records what is reported and cancels at the n-th check (never for n <= 0). */
final class CancelAt implements Progress {
    final List<Double> fractions = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    private final int check;
    private int checks;

    CancelAt(int check) {
        this.check = check;
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
