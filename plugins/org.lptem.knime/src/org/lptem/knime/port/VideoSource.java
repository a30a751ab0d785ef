package org.lptem.knime.port;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Video;
import org.lptem.core.VideoView;
import org.lptem.io.VideoIO;

/**
 * What the user asked the Video Reader for: a file, a frame range and calibration values that beat the file's
 * metadata. Downstream nodes reopen the video from this, so pixels never travel through KNIME's ports.
 *
 * @param file path of the video file or frame folder
 * @param from first frame, 0-based
 * @param to one past the last frame, or -1 for all
 * @param step every step-th frame
 * @param override calibration values replacing the file's
 */
public record VideoSource(String file, int from, int to, int step, Calibration override) {

    public VideoSource {
        if (file == null || file.isBlank()) {
            throw new LptemException("no video file given");
        }
    }

    /** Opens the video with the range and calibration applied; the caller closes it. */
    public Video open() {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new LptemException(file, -1, "not a valid path: " + e.getReason(), e);
        }
        Video base = VideoIO.open(path);
        try {
            return new VideoView(base, from, to, step, override);
        } catch (RuntimeException e) {
            closeQuietly(base, e);
            throw e;
        }
    }

    /** Saves the source as the entries file, from, to, step, override_nm_per_px, override_s_per_frame. */
    void saveTo(final ModelContentWO model) {
        model.addString("file", file);
        model.addInt("from", from);
        model.addInt("to", to);
        model.addInt("step", step);
        model.addDouble("override_nm_per_px", override.nmPerPixel().orElse(0));
        model.addDouble("override_s_per_frame", override.secondsPerFrame().orElse(0));
    }

    /** Reads what {@link #saveTo} wrote. */
    static VideoSource loadFrom(final ModelContentRO model) throws InvalidSettingsException {
        return new VideoSource(model.getString("file"), model.getInt("from"), model.getInt("to"),
            model.getInt("step"),
            calibration(model.getDouble("override_nm_per_px"), model.getDouble("override_s_per_frame")));
    }

    /** 0 stands for "unknown" in saved specs and in node settings alike. */
    static Calibration calibration(final double nmPerPixel, final double secondsPerFrame) {
        return Calibration.of(nmPerPixel > 0 ? nmPerPixel : null, secondsPerFrame > 0 ? secondsPerFrame : null);
    }

    private static void closeQuietly(final Video video, final RuntimeException pending) {
        try {
            video.close();
        } catch (Exception e) {
            pending.addSuppressed(e);
        }
    }
}
