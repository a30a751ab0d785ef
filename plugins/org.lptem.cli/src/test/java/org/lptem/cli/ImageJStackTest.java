package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ShortProcessor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.Track;
import org.lptem.io.TracksCsv;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationSettings;

/** {@code lptem analyze} on a 16-bit stack saved by ImageJ itself, with ImageJ's calibration. */
class ImageJStackTest {

    @Test
    void analysesAStackSavedByImageJ(@TempDir Path dir) throws Exception {
        SimulationSettings s = SimulationSettings.demo().toBuilder().frames(25).bitDepth(16).seed(21).build();
        ImageStack stack = new ImageStack(s.width(), s.height());
        List<Track> truth;
        try (SimulatedVideo v = new SimulatedVideo(s)) {
            for (int i = 0; i < v.frameCount(); i++) {
                Frame f = v.frame(i);
                stack.addSlice(new ShortProcessor(f.width(), f.height(), (short[]) f.samples(), null));
            }
            truth = v.groundTruth();
        }
        ImagePlus imp = new ImagePlus("lptem", stack);
        // ImageJ stores the scale in microns; 0.0025 um = 2.5 nm/px, overriding nothing.
        imp.getCalibration().pixelWidth = 0.0025;
        imp.getCalibration().pixelHeight = 0.0025;
        imp.getCalibration().setUnit("micron");
        imp.getCalibration().frameInterval = 0.04;
        Path tif = dir.resolve("imagej.tif");
        assertTrue(new FileSaver(imp).saveAsTiffStack(tif.toString()));

        Path out = dir.resolve("res");
        CliRunner.Run r = CliRunner.lptem("analyze", tif.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<Track> tracks = TracksCsv.read(out.resolve("tracks.csv"));
        assertEquals(truth.size(), tracks.size(), "one track per simulated particle");
        // Each found track starts on a true particle (within the detector's localisation error).
        for (Track t : tracks) {
            Detection first = t.points().get(0);
            double best = truth.stream().mapToDouble(g -> g.points().stream()
                    .filter(p -> p.frame() == first.frame())
                    .mapToDouble(p -> Math.hypot(p.x() - first.x(), p.y() - first.y())).min().orElse(1e9))
                    .min().orElseThrow();
            assertTrue(best < 1.0, "track " + t.particle() + " starts " + best + " px from a true particle");
        }
        String row = java.nio.file.Files.readAllLines(out.resolve("tracks.csv")).get(1);
        String[] v = row.split(",");
        assertEquals(Double.parseDouble(v[2]) * 2.5, Double.parseDouble(v[4]), 1e-3, "x_nm uses ImageJ's scale");
        assertEquals(Integer.parseInt(v[0]) * 0.04, Double.parseDouble(v[6]), 1e-9, "t_s uses ImageJ's interval");
    }
}
