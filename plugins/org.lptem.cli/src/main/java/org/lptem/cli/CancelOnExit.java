package org.lptem.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C, or the SIGTERM a batch scheduler sends at a job's time limit, cancels a running command instead of cutting
 * it off: the shutdown hook cancels the command's progress and then holds the JVM until the command has unwound, so
 * the staged output it was writing is removed rather than left behind as a partial folder. Open it before the
 * command's outputs and close it after them (try-with-resources closes in reverse order).
 */
final class CancelOnExit implements AutoCloseable {
    /** Schedulers kill for good some time after SIGTERM (Slurm's default KillWait is 30 s); unwind well within it. */
    static final long UNWIND_WAIT_MS = 20_000;

    private final CountDownLatch unwound = new CountDownLatch(1);
    private final Thread hook;

    CancelOnExit(ConsoleProgress progress) {
        this(progress, UNWIND_WAIT_MS);
    }

    CancelOnExit(ConsoleProgress progress, long unwindWaitMs) {
        hook = new Thread(() -> {
            progress.cancel();
            awaitUnwound(unwindWaitMs);
        }, "lptem-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void awaitUnwound(long waitMs) {
        try {
            unwound.await(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command has finished or unwound: the JVM may exit now, and the hook is no longer needed. */
    @Override
    public void close() {
        unwound.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting because of Ctrl-C; the hook is running and has just been released
        }
    }
}
