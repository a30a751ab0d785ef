package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.Frame;
import org.lptem.segment.SyntheticFrame.Particle;

class BlobDetectorTest {

    private static Blob nearest(List<Blob> blobs, double x, double y) {
        return blobs.stream().min((a, b) -> Double.compare(Math.hypot(a.x() - x, a.y() - y),
                Math.hypot(b.x() - x, b.y() - y))).orElseThrow();
    }

    @Test
    void findsParticlesWhereNoPixelStandsOutWithSubPixelPositions() {
        // contrast 8 on pixel noise 8 (per-pixel SNR 1): a pixel threshold cannot tell them from noise
        SyntheticFrame synth = new SyntheticFrame(400, 300).noise(8);
        double[][] centres = {{60.3, 70.8}, {200.5, 60.25}, {330.7, 200.4}, {120.2, 230.6}, {250.9, 150.1}};
        for (double[] c : centres) {
            synth.add(Particle.disc(c[0], c[1], 8, 8));
        }
        List<Blob> blobs = new BlobDetector(Polarity.DARK, 8, 8, 5).detect(synth.frame(1));
        assertEquals(centres.length, blobs.size(), blobs.toString());
        for (double[] c : centres) {
            Blob b = nearest(blobs, c[0], c[1]);
            assertEquals(c[0], b.x(), 1.0, "x of " + b);
            assertEquals(c[1], b.y(), 1.0, "y of " + b);
            assertTrue(b.significance() > 8, "a disc of 200 px at SNR 1 is ~14 sigma: " + b);
        }
    }

    @Test
    void averagingFramesRaisesTheSignificanceBySqrtN() {
        // the same particles, independent noise: the mean of 4 frames halves the noise
        SyntheticFrame synth = new SyntheticFrame(300, 300).noise(8).add(Particle.disc(150.5, 150.5, 8, 8));
        BlobDetector detector = new BlobDetector(Polarity.DARK, 8, 8, 3);
        double single = 0;
        for (int seed = 1; seed <= 4; seed++) {
            single += nearest(detector.detect(synth.frame(seed)), 150.5, 150.5).significance() / 4;
        }
        double mean = nearest(detector.detect(List.of(synth.frame(1), synth.frame(2), synth.frame(3),
                synth.frame(4))), 150.5, 150.5).significance();
        assertEquals(2 * single, mean, 0.25 * 2 * single, "single frames " + single + ", mean of 4: " + mean);
        assertThrows(IllegalArgumentException.class, () -> detector.detect(List.of(synth.frame(1),
                new SyntheticFrame(100, 100).frame(1))));
    }

    @Test
    void subPixelRefinementFollowsTheCentreWithoutNoise() {
        for (double offset : new double[] {0, 0.25, 0.5, 0.75}) {
            SyntheticFrame synth = new SyntheticFrame(128, 128).noise(0.01).gradient(0, 0)
                    .add(Particle.disc(60 + offset, 64 - offset, 6, 50));
            Blob b = new BlobDetector(Polarity.DARK, 6, 6, 5).detect(synth.frame(2)).get(0);
            assertEquals(60 + offset, b.x(), 0.25, "x at offset " + offset);
            assertEquals(64 - offset, b.y(), 0.25, "y at offset " + offset);
        }
    }

    @Test
    void theMostSignificantRadiusWinsAndPolarityDecides() {
        SyntheticFrame synth = new SyntheticFrame(300, 200).noise(4)
                .add(Particle.disc(80.5, 100.5, 4, 30))
                .add(Particle.disc(200.5, 100.5, 16, 30));
        Frame frame = synth.frame(5);
        List<Blob> blobs = new BlobDetector(Polarity.DARK, 3, 30, 5).detect(frame);
        assertEquals(2, blobs.size(), blobs.toString());
        assertEquals(4, nearest(blobs, 80.5, 100.5).radiusPx(), 2.5);
        assertEquals(16, nearest(blobs, 200.5, 100.5).radiusPx(), 8);
        // bright filters answer only on the side lobes around dark particles, never at their centres
        for (Blob b : new BlobDetector(Polarity.BRIGHT, 3, 30, 5).detect(frame)) {
            assertTrue(Math.hypot(b.x() - 80.5, b.y() - 100.5) > 4 && Math.hypot(b.x() - 200.5, b.y() - 100.5) > 16,
                    "a bright blob inside a dark particle: " + b);
        }
    }

    @Test
    void radiiSpanTheRangeInSteps() {
        assertArrayEquals(new double[] {7}, BlobDetector.radii(7, 7), 1e-12);
        assertArrayEquals(new double[] {3, 4.5, 6.75, 10.125, 15.1875, 20}, BlobDetector.radii(3, 20), 1e-9);
        assertEquals(1, BlobDetector.binningFor(3));
        assertEquals(3, BlobDetector.binningFor(7));
    }

    @Test
    void parabolaVertexOffsets() {
        assertEquals(0, BlobDetector.vertexOffset(1, 2, 1), 1e-12);
        // samples of -(x - 0.25)^2 at -1, 0, 1
        assertEquals(0.25, BlobDetector.vertexOffset(-1.5625, -0.0625, -0.5625), 1e-12);
        assertEquals(0, BlobDetector.vertexOffset(1, 0, 1), "no peak: no offset");
    }
}
