package org.lptem.cli;

import org.lptem.core.LptemException;

/** A {@code FROM:TO[:STEP]} frame selection (0-based, TO exclusive, either end may be empty). */
record FrameRange(int from, int to, int step) {
    static final FrameRange ALL = new FrameRange(0, -1, 1);

    static FrameRange parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new LptemException("--frames must be FROM:TO or FROM:TO:STEP, got '" + text + "'");
        }
        try {
            int from = parts[0].isBlank() ? 0 : Integer.parseInt(parts[0].trim());
            int to = parts[1].isBlank() ? -1 : Integer.parseInt(parts[1].trim());
            int step = parts.length == 3 && !parts[2].isBlank() ? Integer.parseInt(parts[2].trim()) : 1;
            if (from < 0 || step < 1 || (to >= 0 && to <= from)) {
                throw new LptemException("--frames '" + text + "' selects no frames (need 0 <= FROM < TO, STEP >= 1)");
            }
            return new FrameRange(from, to, step);
        } catch (NumberFormatException e) {
            throw new LptemException("--frames must hold whole numbers, got '" + text + "'");
        }
    }
}
