package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.CanceledException;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.InMemoryVideo;
import org.lptem.core.PixelType;
import org.lptem.core.Progress;
import org.lptem.core.Video;
import org.lptem.segment.SyntheticFrame.Particle;
import org.junit.jupiter.api.Test;
import org.lptem.testing.CancelAt;

class DetectAllTest {

    /** A video of a particle moving 2 px right per frame that counts how often frames are decoded. */
    private static final class CountingVideo implements Video {
        final Video base;
        int decoded;

        CountingVideo(int frames) {
            List<Frame> list = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                list.add(new SyntheticFrame(96, 80).add(Particle.disc(20.5 + 2 * i, 40.5, 6, 60)).frame(i));
            }
            base = new InMemoryVideo("moving.tif", list, Calibration.NONE);
        }

        @Override
        public int frameCount() {
            return base.frameCount();
        }

        @Override
        public int width() {
            return base.width();
        }

        @Override
        public int height() {
            return base.height();
        }

        @Override
        public PixelType pixelType() {
            return base.pixelType();
        }

        @Override
        public Calibration calibration() {
            return base.calibration();
        }

        @Override
        public String source() {
            return base.source();
        }

        @Override
        public String format() {
            return base.format();
        }

        @Override
        public Frame frame(int index) {
            decoded++;
            return base.frame(index);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void streamsEveryFrameInOrder() {
        CountingVideo video = new CountingVideo(4);
        CancelAt progress = new CancelAt(0);
        List<Segmentation> results = new ArrayList<>();
        ClassicalDetector.detectAll(video, DetectorSettings.defaults(), progress, results::add);
        assertEquals(4, results.size());
        assertEquals(4, video.decoded);
        for (int i = 0; i < 4; i++) {
            Segmentation s = results.get(i);
            assertEquals(i, s.frame());
            assertEquals(1, s.detections().size());
            assertEquals(20.5 + 2 * i, s.detections().get(0).x(), 0.2);
            assertEquals(i, s.detections().get(0).frame());
        }
        assertEquals(4, progress.checks());
        assertEquals("detecting frame 1/4", progress.messages.get(0));
        assertEquals("detecting frame 4/4", progress.messages.get(3));
        assertEquals(1.0, progress.fractions.get(progress.fractions.size() - 1));
    }

    @Test
    void cancellationStopsBeforeTheNextFrame() {
        CountingVideo video = new CountingVideo(10);
        CancelAt progress = new CancelAt(3);
        List<Segmentation> results = new ArrayList<>();
        assertThrows(CanceledException.class,
                () -> ClassicalDetector.detectAll(video, DetectorSettings.defaults(), progress, results::add));
        assertEquals(2, results.size());
        assertEquals(2, video.decoded);
    }
}
