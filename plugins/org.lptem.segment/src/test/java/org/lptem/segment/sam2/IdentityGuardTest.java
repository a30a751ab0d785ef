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
