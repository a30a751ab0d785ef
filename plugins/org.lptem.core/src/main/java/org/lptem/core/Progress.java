package org.lptem.core;

/**
 * Progress reporting and cooperative cancellation for long work. The CLI draws a bar, KNIME forwards to its
 * execution monitor. Work calls {@link #checkCanceled()} at least once per frame.
 */
public interface Progress {

    /** Reports that {@code fraction} (0..1) of this unit of work is done. */
    void report(double fraction, String message);

    /** Throws {@link CanceledException} if the user asked to stop. */
    void checkCanceled();

    /** A progress that ignores reports and is never canceled. */
    Progress NONE = new Progress() {
        @Override
        public void report(double fraction, String message) {
        }

        @Override
        public void checkCanceled() {
        }
    };

    /**
     * A view of this progress for a sub-task occupying {@code [from, to]} of it; the sub-task reports 0..1 and
     * shares the cancellation.
     */
    default Progress sub(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                double f = Math.max(0, Math.min(1, fraction));
                parent.report(from + (to - from) * f, message);
            }

            @Override
            public void checkCanceled() {
                parent.checkCanceled();
            }
        };
    }
}
