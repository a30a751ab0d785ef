package org.lptem.segment.sam2;

import org.lptem.core.LptemException;

/**
 * Options of {@link Sam2Segmenter}.
 *
 * @param normalization how grey values become encoder input (ImageNet for SAM2.1, HALF for SAM-EM)
 * @param memoryFrames spatial memories the video export attends to: the prompted frame plus the latest propagated
 *     ones (SAM2 uses 7)
 * @param objectPointers object pointers attended to (SAM2 uses 16)
 * @param maxHoleAreaPx holes in a mask up to this area are filled, px^2 (0: none)
 * @param minAreaPx a particle whose mask (after exclusivity) is smaller is lost and its track ends, px^2
 * @param boxMarginFraction image-only export: the previous frame's box grows by this fraction of its size on each
 *     side before prompting the next frame, so a moving particle stays inside
 * @param detectEvery with automatic prompts: run the detector every this many frames to find new particles
 * @param newParticleOverlap a detection overlapping tracked masks by less than this fraction of its area is a new
 *     particle
 * @param relinkDistancePx a new particle within this distance of where a lost one was last seen takes its id
 * @param relinkGapFrames ... when it was lost at most this many frames before
 */
public record Sam2Settings(Normalization normalization, int memoryFrames, int objectPointers, int maxHoleAreaPx,
        double minAreaPx, double boxMarginFraction, int detectEvery, double newParticleOverlap,
        double relinkDistancePx, int relinkGapFrames) {

    public Sam2Settings {
        if (normalization == null) {
            throw new LptemException("normalisation must be given (imagenet or half)");
        }
        if (memoryFrames < 1) {
            throw new LptemException("memory frames must be >= 1, got " + memoryFrames);
        }
        if (objectPointers < 1) {
            throw new LptemException("object pointers must be >= 1, got " + objectPointers);
        }
        if (maxHoleAreaPx < 0 || !(minAreaPx >= 0) || !(boxMarginFraction >= 0)) {
            throw new LptemException("hole area, minimum area and box margin must be >= 0, got " + maxHoleAreaPx
                    + ", " + minAreaPx + ", " + boxMarginFraction);
        }
        if (detectEvery < 1) {
            throw new LptemException("detect-every must be >= 1 frame, got " + detectEvery);
        }
        if (!(newParticleOverlap > 0 && newParticleOverlap <= 1)) {
            throw new LptemException("new-particle overlap must be in (0, 1], got " + newParticleOverlap);
        }
        if (!(relinkDistancePx >= 0) || relinkGapFrames < 0) {
            throw new LptemException("re-link distance and gap must be >= 0, got " + relinkDistancePx + " px, "
                    + relinkGapFrames + " frames");
        }
    }

    /** SAM2's memory sizes, SAM-EM's small-hole filling, re-linking within 10 px and 5 frames. */
    public static Sam2Settings defaults() {
        return new Sam2Settings(Normalization.IMAGENET, 7, 16, 8, 4, 0.25, 1, 0.2, 10, 5);
    }

    public Sam2Settings withNormalization(Normalization n) {
        return new Sam2Settings(n, memoryFrames, objectPointers, maxHoleAreaPx, minAreaPx, boxMarginFraction,
                detectEvery, newParticleOverlap, relinkDistancePx, relinkGapFrames);
    }

    public Sam2Settings withMemory(int frames, int pointers) {
        return new Sam2Settings(normalization, frames, pointers, maxHoleAreaPx, minAreaPx, boxMarginFraction,
                detectEvery, newParticleOverlap, relinkDistancePx, relinkGapFrames);
    }

    public Sam2Settings withDetectEvery(int frames) {
        return new Sam2Settings(normalization, memoryFrames, objectPointers, maxHoleAreaPx, minAreaPx,
                boxMarginFraction, frames, newParticleOverlap, relinkDistancePx, relinkGapFrames);
    }

    public Sam2Settings withRelink(double distancePx, int gapFrames) {
        return new Sam2Settings(normalization, memoryFrames, objectPointers, maxHoleAreaPx, minAreaPx,
                boxMarginFraction, detectEvery, newParticleOverlap, distancePx, gapFrames);
    }

    public Sam2Settings withMinArea(double px) {
        return new Sam2Settings(normalization, memoryFrames, objectPointers, maxHoleAreaPx, px, boxMarginFraction,
                detectEvery, newParticleOverlap, relinkDistancePx, relinkGapFrames);
    }
}
