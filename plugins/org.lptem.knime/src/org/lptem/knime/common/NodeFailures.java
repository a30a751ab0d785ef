package org.lptem.knime.common;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.lptem.core.CanceledException;
import org.lptem.core.LptemException;

/**
 * Maps the science code's exceptions to what KNIME shows: bad input ({@link LptemException}, I/O errors) becomes a
 * node error with the message naming file, frame or value; a user cancel becomes KNIME's cancellation. Anything else
 * is a bug and propagates unchanged so KNIME logs its stack trace.
 */
public final class NodeFailures {
    private NodeFailures() {
    }

    /** Work done in a node's execute step. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException, CanceledExecutionException, KNIMEException;
    }

    /** Work done in a node's configure step, producing a value (usually a spec). */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws IOException, InvalidSettingsException;
    }

    public static void execute(final Work work) throws CanceledExecutionException, KNIMEException {
        try {
            work.run();
        } catch (CanceledException e) {
            throw new CanceledExecutionException(e.getMessage());
        } catch (LptemException e) {
            throw new KNIMEException(e.getMessage(), e);
        } catch (IOException e) {
            throw new KNIMEException(ioMessage(e), e);
        } catch (UncheckedIOException e) {
            throw new KNIMEException(ioMessage(e.getCause()), e);
        }
    }

    public static <T> T configure(final Probe<T> probe) throws InvalidSettingsException {
        try {
            return probe.get();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidSettingsException(ioMessage(e), e);
        } catch (UncheckedIOException e) {
            throw new InvalidSettingsException(ioMessage(e.getCause()), e);
        }
    }

    private static String ioMessage(final IOException e) {
        // NoSuchFileException and friends carry only the path as message.
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
