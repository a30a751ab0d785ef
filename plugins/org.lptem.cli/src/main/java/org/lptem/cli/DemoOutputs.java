package org.lptem.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.lptem.core.StagedFolder;
import org.lptem.core.Progress;
import org.lptem.io.TiffStackWriter;
import org.lptem.io.TracksCsv;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationSettings;
import org.lptem.stats.MsdAnalysis;
import org.lptem.stats.MsdParameters;
import org.lptem.stats.MsdSettings;
import org.lptem.stats.TrackSeries;

/** What {@code --demo} adds: the simulated video, its ground truth, and how close the analysis came to it. */
final class DemoOutputs {
    private DemoOutputs() {
    }

    static void write(SimulatedVideo video, StagedFolder out, Progress progress) {
        progress.report(0, "writing the simulated video");
        try (TiffStackWriter tiff = new TiffStackWriter(out.file("video.tif"), video.width(), video.height(),
                video.pixelType(), video.calibration())) {
            for (int i = 0; i < video.frameCount(); i++) {
                progress.checkCanceled();
                tiff.write(video.frame(i));
                progress.report((i + 1.0) / video.frameCount(), "wrote simulated frame " + (i + 1));
            }
        }
        TracksCsv.write(out.file("truth_tracks.csv"), video.groundTruth(), video.calibration());
    }

    static void printTruth(PrintWriter out, SimulatedVideo video, AnalysisResult result) {
        SimulationSettings s = video.settings();
        String fitted = "not fitted";
        if (result.msd() != null) {
            // the analysis' own estimator on the true positions: what a perfect detector and linker would give
            MsdSettings settings = result.msd().settings().withBootstrap(0, 1);
            MsdParameters truth = MsdAnalysis.run(TrackSeries.ofAll(video.groundTruth()), settings, Progress.NONE)
                    .ensemble();
            fitted = AnalysisResult.diffusion(truth.diffusion().diffusion(), truth.diffusionCi(),
                    video.calibration());
        }
        out.printf(Locale.ROOT, "simulation:       %d particles, D = %.4g nm^2/s (set), %s (the same fit of the true "
                + "positions), %d tracks found%n", s.particles(), s.diffusionNm2PerS(), fitted,
                result.tracks().size());
    }
}
