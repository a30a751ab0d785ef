package org.lptem.segment.sam2;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityGuardTest {

    /** A w x h window at (x0, y0) with every pixel inside at the given logit. */
    private static ObjectMask square(int x0, int y0, int w, int h, float logit) {
        float[] l = new float[w * h];
        boolean[] in = new boolean[w * h];
        java.util.Arrays.fill(l, logit);
        java.util.Arrays.fill(in, true);
        return new ObjectMask(x0, y0, w, h, l, in);
    }

    @Test
    void aContestedPixelHasOneOwnerAndASwallowedObjectEnds() {
        IdentityGuard guard = new IdentityGuard(4, 10, 5);
        Map<Integer, ObjectMask> masks = new LinkedHashMap<>();
        masks.put(1, square(0, 0, 6, 6, 2));
        masks.put(2, square(3, 3, 6, 6, 5));
        masks.put(3, square(1, 1, 2, 2, 1)); // inside object 1, lower logit: swallowed
        IdentityGuard.Resolved r = guard.resolve(0, 10, 10, masks);
        int[] labels = r.labels();
        assertEquals(1, labels[0]);
        assertEquals(2, labels[4 * 10 + 4], "object 2 has the higher logit where they overlap");
        assertEquals(1, labels[1 * 10 + 1], "object 3 lost its pixels to object 1");
        assertEquals(Set.of(3), r.ended());
        long ones = java.util.Arrays.stream(labels).filter(l -> l == 1).count();
        assertEquals(36 - 9, ones);
    }

    /**
     * Frame after frame with one guard (its per-pixel buffer reused), random masks overlapping each other and the
     * frame's edges resolve as painting every mask over the whole frame does: the higher logit wins a pixel (the
     * earlier mask on a tie), and a mask left with fewer pixels than the minimum ends and is cleared.
     */
    @Test
    void resolvingMatchesPaintingTheWholeFrame() {
        java.util.Random random = new java.util.Random(8);
        IdentityGuard guard = new IdentityGuard(6, 10, 5);
        int w = 23;
        int h = 17;
        for (int frame = 0; frame < 30; frame++) {
            Map<Integer, ObjectMask> masks = new LinkedHashMap<>();
            for (int id = 1; id <= 1 + random.nextInt(5); id++) {
                int mw = 1 + random.nextInt(9);
                int mh = 1 + random.nextInt(9);
                float[] logits = new float[mw * mh];
                boolean[] inside = new boolean[mw * mh];
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = random.nextInt(4);
                    inside[i] = random.nextInt(4) > 0;
                }
                masks.put(id * 3, new ObjectMask(random.nextInt(w + 6) - 5, random.nextInt(h + 6) - 5, mw, mh,
                        logits, inside));
            }
            int[] expected = new int[w * h];
            float[] best = new float[w * h];
            masks.forEach((id, m) -> {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        if (m.contains(x, y) && (expected[y * w + x] == 0 || m.logit(x, y) > best[y * w + x])) {
                            expected[y * w + x] = id;
                            best[y * w + x] = m.logit(x, y);
                        }
                    }
                }
            });
            java.util.Set<Integer> ended = new java.util.HashSet<>();
            for (int id : masks.keySet()) {
                if (java.util.Arrays.stream(expected).filter(l -> l == id).count() < 6) {
                    ended.add(id);
                }
            }
            for (int i = 0; i < expected.length; i++) {
                if (ended.contains(expected[i])) {
                    expected[i] = 0;
                }
            }
            IdentityGuard.Resolved r = guard.resolve(frame, w, h, masks);
            assertArrayEquals(expected, r.labels(), "frame " + frame);
            assertEquals(ended, r.ended(), "frame " + frame);
        }
    }

    /** A mask's box is the tight box of its pixels, found from the window's edges in. */
    @Test
    void aMasksBoundsAreTheTightBoxOfItsPixels() {
        java.util.Random random = new java.util.Random(12);
        for (int k = 0; k < 200; k++) {
            int w = 1 + random.nextInt(12);
            int h = 1 + random.nextInt(12);
            boolean[] inside = new boolean[w * h];
            int density = random.nextInt(5);
            for (int i = 0; i < inside.length; i++) {
                inside[i] = random.nextInt(10) < density;
            }
            ObjectMask m = new ObjectMask(3, -2, w, h, new float[w * h], inside);
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = -1;
            int maxY = -1;
            for (int i = 0; i < inside.length; i++) {
                if (inside[i]) {
                    minX = Math.min(minX, i % w);
                    maxX = Math.max(maxX, i % w);
                    minY = Math.min(minY, i / w);
                    maxY = Math.max(maxY, i / w);
                }
            }
            Box expected = maxX < 0 ? null : new Box(3 + minX, -2 + minY, 3 + maxX, -2 + maxY);
            assertEquals(expected, m.bounds(), "mask " + k);
            assertEquals(maxX < 0, m.isEmpty(), "mask " + k);
        }
    }

    @Test
    void aParticleReappearingNearALostOneTakesItsIdElseANewOne() {
        IdentityGuard guard = new IdentityGuard(1, 10, 5);
        guard.reserve(7);
        guard.lost(3, 20, 50, 50);
        assertEquals(8, guard.idFor(21, 80, 80), "far away: a new id after every used one");
        assertEquals(3, guard.idFor(24, 56, 52), "near and soon: the lost id again");
        assertEquals(9, guard.idFor(25, 50, 50), "an id is re-linked once");
        guard.lost(4, 30, 10, 10);
        assertEquals(10, guard.idFor(36, 10, 10), "after the gap: a new id");
    }
}
