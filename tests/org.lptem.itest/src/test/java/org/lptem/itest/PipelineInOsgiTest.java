package org.lptem.itest;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.io.TiffStackWriter;
import org.lptem.io.VideoIO;
import org.lptem.segment.ClassicalDetector;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.onnx.BlobFilterModel;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.onnx.ProbabilityModel;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationSettings;
import org.lptem.stats.Msd;
import org.lptem.stats.MsdCurve;
import org.lptem.track.NearestNeighbourLinker;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Runs the pipeline the way KNIME runs it: every class comes from its own bundle's class loader inside Equinox,
 * and ONNX Runtime extracts and loads its native library from its (wrapped) bundle.
 */
class PipelineInOsgiTest {

    @Test
    void everyStepIsLoadedFromItsOwnBundle() {
        assertBundle("org.lptem.core", Video.class);
        assertBundle("org.lptem.io", VideoIO.class);
        assertBundle("org.lptem.simulate", SimulatedVideo.class);
        assertBundle("org.lptem.segment", ClassicalDetector.class);
        assertBundle("org.lptem.track", NearestNeighbourLinker.class);
        assertBundle("org.lptem.stats", Msd.class);
        assertBundle("com.microsoft.onnxruntime", ai.onnxruntime.OrtEnvironment.class);
    }

    private static void assertBundle(String symbolicName, Class<?> type) {
        Bundle b = FrameworkUtil.getBundle(type);
        assertNotNull(b, type + " must come from an OSGi bundle");
        assertEquals(symbolicName, b.getSymbolicName());
        assertNotEquals(0, b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE),
                "bundle " + symbolicName + " must be resolved, state " + b.getState());
    }

    @Test
    void simulatedVideoIsWrittenReadDetectedLinkedAndMeasured(@TempDir Path dir) throws Exception {
        SimulationSettings s = SimulationSettings.demo().toBuilder().frames(30).seed(11).build();
        Path tif = dir.resolve("video.tif");
        List<Track> truth;
        try (SimulatedVideo sim = new SimulatedVideo(s);
                TiffStackWriter w = new TiffStackWriter(tif, sim.width(), sim.height(), sim.pixelType(),
                        sim.calibration())) {
            for (int i = 0; i < sim.frameCount(); i++) {
                w.write(sim.frame(i));
            }
            truth = sim.groundTruth();
        }
        List<Detection> detections = new ArrayList<>();
        try (Video video = VideoIO.open(tif)) {
            assertEquals(30, video.frameCount());
            assertEquals(s.nmPerPixel(), video.calibration().nmPerPixel().getAsDouble(), 1e-9);
            ClassicalDetector.detectAll(video, DetectorSettings.defaults(), Progress.NONE,
                    seg -> detections.addAll(seg.detections()));
        }
        assertEquals(s.particles() * s.frames(), detections.size(), s.particles() * s.frames() / 20.0,
                "about one detection per particle and frame");
        List<Track> tracks = new NearestNeighbourLinker(6, 2).link(detections, Progress.NONE);
        long complete = tracks.stream().filter(t -> t.size() >= 27).count();
        assertTrue(complete >= s.particles() - 1, "tracks through the video: " + complete);

        MsdCurve found = Msd.ensemble(tracks, 5);
        MsdCurve expected = Msd.ensemble(truth, 5);
        // Lag 3: the particle motion (12 px^2) dominates the localisation error of the detector.
        assertEquals(expected.msdPx2()[2], found.msdPx2()[2], 0.25 * expected.msdPx2()[2]);
    }

    @Test
    void onnxRuntimeRunsAModelWrittenByTheProjectInsideTheFramework() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().frames(1).seed(3).build();
        try (SimulatedVideo sim = new SimulatedVideo(s);
                ProbabilityModel model = new ProbabilityModel(OnnxModel.load("dog-blob",
                        BlobFilterModel.build(s.particleRadiusPx() / Math.sqrt(2), true, 0.3, 10),
                        ExecutionDevice.CPU))) {
            Frame frame = sim.frame(0);
            float[] p = model.predict(frame);
            int w = frame.width();
            for (Track t : sim.groundTruth()) {
                Detection d = t.points().get(0);
                int centre = (int) Math.round(d.y()) * w + (int) Math.round(d.x());
                assertTrue(p[centre] > 0.9, "particle " + t.particle() + " centre probability " + p[centre]);
            }
            Frame labels = sim.labels(0);
            int background = 0;
            int falsePositive = 0;
            for (int i = 0; i < p.length; i++) {
                if (labels.get(i) == 0) {
                    background++;
                    if (p[i] > 0.5) {
                        falsePositive++;
                    }
                }
            }
            assertTrue(falsePositive < 0.02 * background, "background pixels above 0.5: " + falsePositive);
        }
    }
}
