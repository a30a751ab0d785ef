package org.lptem.core;

/** Thrown by {@link Progress#checkCanceled()} when the user asked to stop; work in progress is abandoned. */
public class CanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CanceledException() {
        super("canceled by the user");
    }
}
