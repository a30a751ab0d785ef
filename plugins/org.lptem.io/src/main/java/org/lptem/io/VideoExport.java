package org.lptem.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Video;

/**
 * Writes a whole video to a file, frame by frame: a TIFF stack with the values and calibration kept (what
 * {@code lptem convert} writes, for analysis elsewhere), an MP4/AVI movie of contrast-stretched grey frames, or a
 * PNG preview of the first frame (for talks and papers; the values are not kept, and an {@link Overlay} of
 * outlines and tracks may be drawn on them). Memory stays at one frame; the file appears only when complete.
 */
public final class VideoExport {
    /** Frames a movie's display range is taken from (spread over the video). */
    static final int RANGE_FRAMES = 16;
    /** Movie frame rate when neither the caller nor the calibration gives one. */
    public static final double DEFAULT_FPS = 10;

    private VideoExport() {
    }

    /** What is written. */
    public enum Format {
        /** ImageJ-compatible TIFF stack in the video's pixel type, calibration kept */
        TIFF("tif"),
        /** H.264 MP4 of 8-bit grey frames */
        MP4("mp4"),
        /** Motion-JPEG AVI of 8-bit grey frames */
        AVI("avi"),
        /** PNG preview of the first frame */
        PNG("png");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The usual file extension, without the dot. */
        public String extension() {
            return extension;
        }

        /** The format a file name asks for by its extension: .tif, .tiff, .mp4, .avi or .png. */
        public static Format ofFileName(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".tif") || name.endsWith(".tiff")) {
                return TIFF;
            }
            if (name.endsWith(".mp4")) {
                return MP4;
            }
            if (name.endsWith(".avi")) {
                return AVI;
            }
            if (name.endsWith(".png")) {
                return PNG;
            }
            throw LptemException.inFile(file, "cannot tell the format from the extension; use .tif, .tiff, .mp4, "
                    + ".avi or .png");
        }
    }

    /**
     * Writes {@code video} to {@code out}.
     *
     * @param framesPerSecond movie frame rate; 0 for real time when the frame interval is known (1 / s per frame,
     *     at most 1000), else {@link #DEFAULT_FPS}; ignored for TIFF
     * @throws LptemException if {@code out} is the video's own file, a frame cannot be read, or writing fails
     * @throws org.lptem.core.CanceledException when {@code progress} is canceled; nothing is left at {@code out}
     */
    public static void write(Video video, Path out, Format format, double framesPerSecond, Progress progress) {
        write(video, out, format, framesPerSecond, null, progress);
    }

    /**
     * Writes {@code video} to {@code out} with {@code overlay} (or none, when null) drawn on each movie or preview
     * frame; a TIFF keeps the measured values, so it takes no overlay.
     */
    public static void write(Video video, Path out, Format format, double framesPerSecond, Overlay overlay,
            Progress progress) {
        if (overlay != null && format == Format.TIFF) {
            throw LptemException.inFile(out, "a TIFF stack keeps the measured values, so nothing can be drawn on "
                    + "it; write .mp4, .avi or .png for an overlay");
        }
        if (!(framesPerSecond >= 0 && framesPerSecond <= 1000)) {
            throw new LptemException("frames per second must be in 0 .. 1000 (0 = from the frame interval), got "
                    + framesPerSecond);
        }
        checkNotTheInput(video, out);
        int n = video.frameCount();
        if (n == 0) {
            throw new LptemException(video.source(), -1, "the video has no frames to write", null);
        }
        if (overlay != null) {
            overlay.checkFits(video);
        }
        switch (format) {
            case TIFF -> writeTiff(video, out, progress);
            case PNG -> writePng(video, out, overlay, progress);
            default -> writeMovie(video, out, format == Format.MP4 ? MovieWriter.Kind.MP4 : MovieWriter.Kind.AVI,
                    framesPerSecond > 0 ? framesPerSecond : realTime(video.calibration()), overlay, progress);
        }
    }

    /** The frame rate that plays the video in real time, or {@link #DEFAULT_FPS} without a frame interval. */
    static double realTime(Calibration calibration) {
        if (!calibration.hasFrameInterval()) {
            return DEFAULT_FPS;
        }
        return Math.min(1000, 1 / calibration.secondsPerFrame().getAsDouble());
    }

    private static void writeTiff(Video video, Path out, Progress progress) {
        int n = video.frameCount();
        TiffStackWriter writer = new TiffStackWriter(out, video.width(), video.height(), video.pixelType(),
                video.calibration());
        try {
            for (int i = 0; i < n; i++) {
                progress.checkCanceled();
                writer.write(video.frame(i));
                progress.report((i + 1.0) / n, "writing frame " + (i + 1) + " of " + n);
            }
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        }
        writer.close();
    }

    private static void writePng(Video video, Path out, Overlay overlay, Progress progress) {
        progress.checkCanceled();
        Frame frame = video.frame(0);
        BufferedImage image = FrameImages.grey(frame, FrameImages.DisplayRange.of(frame));
        if (overlay != null) {
            overlay.paint(image, 0);
        }
        AtomicOutput file = AtomicOutput.create(out);
        try {
            if (!ImageIO.write(image, "png", file.temp().toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            file.discard();
            throw file.writeError(e);
        }
        file.commit();
        progress.report(1, "wrote the preview");
    }

    private static void writeMovie(Video video, Path out, MovieWriter.Kind kind, double fps, Overlay overlay,
            Progress progress) {
        int n = video.frameCount();
        progress.report(0, "choosing the display range");
        FrameImages.DisplayRange range = FrameImages.DisplayRange.of(video, RANGE_FRAMES);
        MovieWriter writer = new MovieWriter(out, kind, video.width(), video.height(), fps);
        try {
            for (int i = 0; i < n; i++) {
                progress.checkCanceled();
                BufferedImage image = FrameImages.grey(video.frame(i), range);
                if (overlay != null) {
                    overlay.paint(image, i);
                }
                writer.write(image);
                progress.report((i + 1.0) / n, "encoding frame " + (i + 1) + " of " + n);
            }
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        }
        writer.close();
    }

    /** Writing over the input would replace the only copy of the data with a half-read one on failure. */
    private static void checkNotTheInput(Video video, Path out) {
        Path in;
        try {
            in = Path.of(video.source());
        } catch (InvalidPathException e) {
            return; // an in-memory or synthetic video has no file to protect
        }
        try {
            if (Files.exists(out) && Files.exists(in) && Files.isSameFile(out, in)) {
                throw LptemException.inFile(out, "is the input video; choose another output file");
            }
        } catch (IOException e) {
            throw LptemException.inFile(out, "cannot compare with the input " + in + ": " + e.getMessage(), e);
        }
    }
}
