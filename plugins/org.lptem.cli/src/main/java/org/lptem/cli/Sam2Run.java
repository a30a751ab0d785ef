package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lptem.core.StagedFolder;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.core.VideoView;
import org.lptem.io.CsvReader;
import org.lptem.io.DetectionsCsv;
import org.lptem.io.TiffStackWriter;
import org.lptem.io.TracksCsv;
import org.lptem.io.VideoIO;
import org.lptem.io.samem.SamEmOutput;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.Segmenter;
import org.lptem.segment.sam2.AutoPrompter;
import org.lptem.segment.sam2.Box;
import org.lptem.segment.sam2.Prompt;
import org.lptem.segment.sam2.Sam2Models;
import org.lptem.segment.sam2.Sam2Segmenter;
import org.lptem.segment.sam2.Sam2Settings;
import org.lptem.track.LabelIdLinker;

/**
 * {@code lptem segment --method sam2}: SAM2 or SAM-EM ONNX models over a video. Writes what the other methods write
 * (labels.tif with the particle id as label, detections.csv), plus tracks.csv (the ids are the tracks) and the
 * SAM-EM folder {@code samem/} (npz masks and trajectories.csv).
 */
final class Sam2Run {
    private Sam2Run() {
    }

    static int run(Sam2Options o, Path videoPath, Path out, FrameRange range, CalibrationOptions calibration,
            ExecutionDevice device, Segmenter detector, PrintWriter stdout, PrintWriter stderr) throws Exception {
        if (o.encoder == null || o.decoder == null) {
            throw new LptemException("--method sam2 needs --encoder E.onnx and --decoder D.onnx (and, for the video "
                    + "export, --memory-attention M.onnx and --memory-encoder N.onnx)");
        }
        if (o.prompts == null && !o.auto) {
            throw new LptemException("--method sam2 needs prompts: --prompts P.csv, --auto, or both");
        }
        Sam2Settings settings = o.settings();
        ConsoleProgress progress = ConsoleProgress.forStandardError(stderr);
        try (CancelOnExit cancel = new CancelOnExit(progress);
                StagedFolder staged = StagedFolder.forResults(out, videoPath, o.prompts);
                Video v = new VideoView(VideoIO.open(videoPath), range.from(), range.to(), range.step(),
                        calibration.override())) {
            List<Prompt> prompts = o.prompts == null ? List.of() : readPrompts(o.prompts, range, v.frameCount());
            Sam2Models models = Sam2Models.load(o.encoder, o.decoder, o.memoryAttention, o.memoryEncoder, device);
            List<Detection> all = new ArrayList<>();
            Sam2Segmenter.Timings timings;
            try (Sam2Segmenter sam = new Sam2Segmenter(models, settings, prompts,
                    o.auto ? new AutoPrompter(detector, settings.newParticleOverlap()) : null);
                    TiffStackWriter labels = TiffStackWriter.labels(staged.file("labels.tif"), v.width(), v.height(),
                            v.calibration());
                    DetectionsCsv.Writer table = new DetectionsCsv.Writer(staged.file("detections.csv"),
                            v.calibration());
                    SamEmOutput.Writer samem = new SamEmOutput.Writer(staged.file("samem"))) {
                try {
                    sam.segmentAll(v, progress, seg -> {
                        labels.write(seg.labelFrame());
                        seg.detections().forEach(table::add);
                        all.addAll(seg.detections());
                        samem.write(seg.frame(), seg.width(), seg.height(), seg.labels(), seg.detections());
                    });
                } catch (RuntimeException e) {
                    labels.abort();
                    table.abort();
                    samem.abort();
                    throw e;
                }
                timings = sam.timings();
            }
            List<Track> tracks = new LabelIdLinker().link(all, progress);
            TracksCsv.write(staged.file("tracks.csv"), tracks, v.calibration());
            progress.finish();
            staged.commit();
            stdout.printf(Locale.ROOT, "segmented %d frames of %s (sam2 %s, %s): %d particles in %d tracks; per "
                    + "frame: ONNX Runtime %.1f ms, detector %.1f ms, Java %.1f ms -> %s%n", v.frameCount(), videoPath,
                    models.isVideo() ? "video export" : "image-only export", o.normalization, all.size(),
                    tracks.size(), timings.onnxRuntimeMs(), timings.detectorMs(), timings.javaMs(), staged.target());
        } finally {
            progress.finish();
        }
        return Main.OK;
    }

    /**
     * The prompt table: columns frame and particle, then a box (x0, y0, x1, y1) and/or a point (x, y, positive) per
     * row; frames are the video's numbers, mapped onto the analysed range.
     */
    static List<Prompt> readPrompts(Path file, FrameRange range, int frames) {
        List<Prompt> prompts = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file)) {
            String frame = csv.requireColumn("frame");
            String particle = csv.requireColumn("particle", "particle_id", "id");
            boolean boxes = csv.hasColumn("x0") && csv.hasColumn("y0") && csv.hasColumn("x1") && csv.hasColumn("y1");
            boolean points = csv.hasColumn("x") && csv.hasColumn("y");
            if (!boxes && !points) {
                throw LptemException.inFile(file, "needs box columns x0,y0,x1,y1 or point columns x,y (the columns "
                        + "are: " + String.join(", ", csv.header()) + ")");
            }
            for (CsvReader.Row r; (r = csv.next()) != null;) {
                int f = r.getInt(frame);
                int step = range.step();
                int index = (f - range.from()) / step;
                if (f < range.from() || (f - range.from()) % step != 0 || index >= frames) {
                    throw LptemException.inFile(file, "line " + r.line() + ": frame " + f + " is not among the "
                            + "analysed frames");
                }
                int id = r.getInt(particle);
                Box box = null;
                if (boxes && !r.get("x0").isEmpty()) {
                    try {
                        box = new Box(r.getDouble("x0"), r.getDouble("y0"), r.getDouble("x1"), r.getDouble("y1"));
                    } catch (LptemException e) {
                        throw LptemException.inFile(file, "line " + r.line() + ": " + e.getMessage());
                    }
                }
                List<Prompt.Point> pts = new ArrayList<>();
                if (points && !r.get("x").isEmpty()) {
                    boolean positive = !csv.hasColumn("positive") || r.getInt("positive", 1) != 0;
                    pts.add(new Prompt.Point(r.getDouble("x"), r.getDouble("y"), positive));
                }
                try {
                    prompts.add(new Prompt(index, id, box, pts, null));
                } catch (LptemException e) {
                    throw LptemException.inFile(file, "line " + r.line() + ": " + e.getMessage());
                }
            }
        }
        if (prompts.isEmpty()) {
            throw LptemException.inFile(file, "has no prompts");
        }
        return prompts;
    }
}
