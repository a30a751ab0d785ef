package org.lptem.core;

import java.nio.file.Path;

/**
 * Bad input: a file, frame or value the user can fix. The message always names what is at fault
 * ({@code "movie.tif: frame 12: truncated strip"}). Internal errors use ordinary exceptions instead, so callers
 * (the CLI's exit codes, KNIME's node messages) can tell the two apart.
 */
public class LptemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int frame;

    public LptemException(String message) {
        this(null, -1, message, null);
    }

    public LptemException(String message, Throwable cause) {
        this(null, -1, message, cause);
    }

    /** @param source file or other input at fault, or null; @param frame 0-based frame index, or -1 */
    public LptemException(String source, int frame, String message, Throwable cause) {
        super(compose(source, frame, message), cause);
        this.source = source;
        this.frame = frame;
    }

    public static LptemException inFile(Path file, String message) {
        return new LptemException(file.toString(), -1, message, null);
    }

    public static LptemException inFile(Path file, String message, Throwable cause) {
        return new LptemException(file.toString(), -1, message, cause);
    }

    public static LptemException inFrame(String source, int frame, String message, Throwable cause) {
        return new LptemException(source, frame, message, cause);
    }

    private static String compose(String source, int frame, String message) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source).append(": ");
        }
        if (frame >= 0) {
            sb.append("frame ").append(frame).append(": ");
        }
        return sb.append(message).toString();
    }

    /** The file or input at fault, or null when the error is about a value. */
    public String source() {
        return source;
    }

    /** The 0-based frame at fault, or -1. */
    public int frame() {
        return frame;
    }
}
