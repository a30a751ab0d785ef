package org.lptem.knime.common;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.lptem.core.CanceledException;
import org.lptem.core.Progress;

/**
 * The science code's {@link Progress} on top of a KNIME {@link ExecutionMonitor}. KNIME signals cancellation with a
 * checked exception that the science API cannot declare, so it travels as {@link CanceledException} and
 * {@link NodeFailures} turns it back at the node boundary.
 */
public final class KnimeProgress implements Progress {
    private final ExecutionMonitor m_monitor;

    public KnimeProgress(final ExecutionMonitor monitor) {
        m_monitor = monitor;
    }

    @Override
    public void report(final double fraction, final String message) {
        m_monitor.setProgress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public void checkCanceled() {
        try {
            m_monitor.checkCanceled();
        } catch (CanceledExecutionException e) {
            throw new CanceledException();
        }
    }
}
