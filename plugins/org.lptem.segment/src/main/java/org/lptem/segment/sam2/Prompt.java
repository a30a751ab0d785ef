package org.lptem.segment.sam2;

import java.util.List;
import org.lptem.core.LptemException;

/**
 * What the user (or the automatic prompter) tells SAM2 about one particle on one frame: a box, points (positive on
 * the particle, negative on the liquid), a mask, or a combination. Coordinates are original-frame pixels.
 *
 * @param frame 0-based frame index
 * @param objectId the particle's id (> 0); the same id on a later frame re-prompts that particle
 * @param box the box, or null
 * @param points the points, possibly empty
 * @param mask a row-major mask of the frame's size, or null
 */
public record Prompt(int frame, int objectId, Box box, List<Point> points, boolean[] mask) {

    /** A point prompt: {@code positive} on the particle, otherwise on background. */
    public record Point(double x, double y, boolean positive) {
    }

    public Prompt {
        points = points == null ? List.of() : List.copyOf(points);
        if (frame < 0) {
            throw new LptemException("prompt for particle " + objectId + ": frame must be >= 0, got " + frame);
        }
        if (objectId <= 0) {
            throw new LptemException("prompt on frame " + frame + ": particle id must be > 0, got " + objectId);
        }
        if (box == null && points.isEmpty() && mask == null) {
            throw new LptemException("prompt for particle " + objectId + " on frame " + frame
                    + " has no box, no points and no mask");
        }
    }

    public static Prompt ofBox(int frame, int objectId, Box box) {
        return new Prompt(frame, objectId, box, List.of(), null);
    }

    public static Prompt ofPoints(int frame, int objectId, List<Point> points) {
        return new Prompt(frame, objectId, null, points, null);
    }

    public static Prompt ofMask(int frame, int objectId, boolean[] mask) {
        return new Prompt(frame, objectId, null, List.of(), mask);
    }
}
