package org.lptem.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lptem.core.Columns;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.StagedFolder;
import org.lptem.io.JsonText;
import org.lptem.io.TextFiles;
import org.lptem.core.Progress;
import org.lptem.io.CsvWriter;
import org.lptem.io.TiffStackWriter;

/**
 * Writes a simulation with its ground truth into a folder: {@value #VIDEO} (the frames, calibrated),
 * {@value #LABELS} (16-bit, value = particle id, one plane per frame), {@value #TRACKS} (every particle in every
 * frame, with a visible flag) and {@value #METADATA} (every parameter, the seed and the realised per-pixel SNR of
 * each frame). Frames are rendered one at a time, so memory use does not grow with the video's length. Each file
 * appears under its name only when complete.
 */
public final class SimulationWriter {
    public static final String VIDEO = "video.tif";
    public static final String LABELS = "labels.tif";
    public static final String TRACKS = "tracks.csv";
    public static final String METADATA = "metadata.json";
    /**
     * Columns of {@value #TRACKS}. The orientation uses the detectors' column name so that the tracks readers (and
     * so rotational analysis) pick it up from a simulation's ground truth as from a measured video.
     */
    public static final List<String> TRACK_COLUMNS = List.of(Columns.FRAME, Columns.PARTICLE, Columns.X, Columns.Y,
            Columns.X_NM, Columns.Y_NM, Columns.T_S, Columns.ORIENTATION_DEG, "visible");

    private SimulationWriter() {
    }

    /** What was written: the realised per-pixel SNR of every frame (NaN where no particle was in view). */
    public record Result(Path directory, int frames, double[] snrPerFrame) {
        /** Mean of the finite per-frame SNRs, NaN if none. */
        public double meanSnr() {
            double sum = 0;
            int n = 0;
            for (double s : snrPerFrame) {
                if (Double.isFinite(s)) {
                    sum += s;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    /**
     * Writes the four files into {@code dir} (created if needed). They appear together once all are complete: a
     * failure or cancel halfway leaves no new video beside an old ground truth.
     *
     * @param preset name of the preset the settings started from, or null; recorded in the metadata
     */
    public static Result write(SimulatedVideo video, Path dir, String preset, Progress progress) {
        try (StagedFolder staged = new StagedFolder(dir)) {
            double[] snr = writeFrames(video, staged, progress);
            progress.report(0.97, "writing the ground-truth tracks");
            writeTracks(video, staged.file(TRACKS));
            TextFiles.writeAtomically(staged.file(METADATA), JsonText.of(metadata(video, preset, snr)));
            staged.commit();
            progress.report(1, "done");
            return new Result(staged.target(), video.frameCount(), snr);
        }
    }

    private static double[] writeFrames(SimulatedVideo video, StagedFolder dir, Progress progress) {
        double[] snr = new double[video.frameCount()];
        TiffStackWriter frames = new TiffStackWriter(dir.file(VIDEO), video.width(), video.height(),
                video.pixelType(), video.calibration());
        TiffStackWriter labels;
        try {
            labels = TiffStackWriter.labels(dir.file(LABELS), video.width(), video.height(), video.calibration());
        } catch (RuntimeException e) {
            frames.abort();
            throw e;
        }
        try {
            for (int f = 0; f < video.frameCount(); f++) {
                progress.checkCanceled();
                Frame image = video.frame(f);
                Frame truth = video.labels(f);
                frames.write(image);
                labels.write(truth);
                snr[f] = SimulatedVideo.snr(image, truth);
                progress.report(0.95 * (f + 1) / video.frameCount(), "frame " + (f + 1) + " of "
                        + video.frameCount());
            }
        } catch (RuntimeException e) {
            frames.abort();
            labels.abort();
            throw e;
        }
        frames.close();
        labels.close();
        return snr;
    }

    private static void writeTracks(SimulatedVideo video, Path out) {
        Trajectories t = video.trajectories();
        SimulationSettings s = video.settings();
        try (CsvWriter csv = new CsvWriter(out, TRACK_COLUMNS)) {
            try {
                for (int p = 0; p < t.particleCount(); p++) {
                    for (int f = 0; f < t.frameCount(); f++) {
                        double x = t.x(p, f);
                        double y = t.y(p, f);
                        csv.row(f, p + 1, x, y, x * s.nmPerPixel(), y * s.nmPerPixel(), f * s.secondsPerFrame(),
                                t.angleDeg(p, f), t.visible(p, f) ? 1 : 0);
                    }
                }
            } catch (RuntimeException e) {
                csv.abort();
                throw e;
            }
        }
    }

    private static Map<String, Object> metadata(SimulatedVideo video, String preset, double[] snr) {
        SimulationSettings s = video.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", "org.lptem.simulate");
        m.put("preset", preset);
        m.put("seed", s.seed());
        m.put("parameters", SettingsKeys.values(s));
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("incident_electrons_per_px", s.incidentElectronsPerPixel());
        derived.put("background_electrons_per_px", s.incidentElectronsPerPixel() * new ImageFormation(s).transmission(0));
        derived.put("pixel_type", video.pixelType().label());
        derived.put("output_offset", video.outputOffset());
        derived.put("output_scale", video.outputScale());
        derived.put("dose_rate_from_target_snr", s.targetSnr() > 0);
        m.put("derived", derived);
        // Ordered maps only: Map.of iterates in an order that changes from one JVM run to the next.
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("video", VIDEO);
        files.put("labels", LABELS);
        files.put("tracks", TRACKS);
        m.put("files", files);
        m.put("snr_definition", "(background mean - particle mean) / background std over the pixels of each frame, "
                + "classed by labels.tif (0 = background); null where no particle is in view");
        m.put("requested_snr", s.targetSnr() > 0 ? s.targetSnr() : null);
        m.put("snr_mean", new Result(null, snr.length, snr).meanSnr());
        m.put("snr_per_frame", snr);
        List<Object> particles = new ArrayList<>();
        Trajectories t = video.trajectories();
        for (int p = 0; p < t.particleCount(); p++) {
            ParticleShape shape = t.shape(p);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("particle", p + 1);
            one.put("shape", s.shape().key());
            one.put("major_axis_nm", shape.majorAxisPx() * s.nmPerPixel());
            one.put("minor_axis_nm", shape.minorAxisPx() * s.nmPerPixel());
            one.put("max_thickness_nm", shape.maxThicknessPx() * s.nmPerPixel());
            one.put("area_nm2", shape.areaPx2() * s.nmPerPixel() * s.nmPerPixel());
            particles.add(one);
        }
        m.put("particles", particles);
        return m;
    }
}
