package org.lptem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.core.VideoView;
import org.lptem.io.Overlay;
import org.lptem.io.TracksCsv;
import org.lptem.io.VideoExport;
import org.lptem.io.VideoIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lptem convert}: any video the readers know to an ImageJ-compatible TIFF stack with values unchanged, or to
 * an MP4/AVI movie or PNG preview with segmentation outlines and tracks drawn on it.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Convert a video to an uncompressed TIFF stack (ImageJ layout, calibration kept) that ImageJ, "
                + "Fiji, Python and this toolkit open, or to an MP4/AVI movie or a PNG preview (first frame of the "
                + "range) for talks and papers, optionally with label outlines (--labels) and tracks (--tracks).",
                "TIFF: pixel values are copied unchanged in the reader's pixel type (signed 8-bit and 16-bit float "
                        + "become 16-bit integer and 32-bit float, which hold them exactly). The file appears only "
                        + "when the conversion succeeded."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Video: TIFF, Gatan DM3/DM4 or In-Situ capture "
            + "folder, MRC/MRCS, TIA SER, Velox EMD, AVI, MP4, or a folder of numbered PNG/JPEG/TIFF frames.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "File to write: .tif/.tiff (values kept), .mp4, "
            + ".avi or .png (display only).")
    Path out;

    @Option(names = "--labels", paramLabel = "LABELS.tif", description = "Label video (lptem segment's or the "
            + "simulator's labels.tif, same frame numbering as FILE, i.e. from an analysis of the whole video, not "
            + "of a --frames selection) whose outlines are drawn; movie/PNG only.")
    Path labels;

    @Option(names = "--tracks", paramLabel = "TRACKS.csv", description = "Tracks (lptem link's or analyze's "
            + "tracks.csv, positions in px, frames numbered as FILE's) drawn with their ids; movie/PNG only.")
    Path tracks;

    @Option(names = "--tail", defaultValue = "20", paramLabel = "FRAMES",
            description = "Past frames of each track drawn as a line (default: ${DEFAULT-VALUE}).")
    int tail;

    @Option(names = "--fps", defaultValue = "0", paramLabel = "FPS",
            description = "Movie frame rate; 0 = real time from the frame interval, else 10 (default: 0).")
    double fps;

    @Option(names = "--frames", paramLabel = "FROM:TO[:STEP]", description = "Frame range, 0-based, TO exclusive.")
    String frames;

    @Option(names = "--pixel-size", paramLabel = "NM", description = "Pixel size in nm/px (overrides the file).")
    Double pixelSizeNm;

    @Option(names = "--frame-interval", paramLabel = "S", description = "Frame interval in s (overrides the file).")
    Double frameIntervalS;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        FrameRange range = frames == null ? FrameRange.ALL : FrameRange.parse(frames);
        Calibration override = Calibration.of(pixelSizeNm, frameIntervalS);
        checkNotTheInput();
        ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
        try (CancelOnExit cancel = new CancelOnExit(progress);
                Video video = new VideoView(VideoIO.open(input), range.from(), range.to(), range.step(), override);
                Video labelVideo = labels == null ? null : VideoIO.open(labels)) {
            VideoExport.Format format = VideoExport.Format.ofFileName(out);
            Overlay overlay = null;
            if (labelVideo != null || tracks != null) {
                List<Track> drawn = tracks == null ? List.of() : TracksCsv.read(tracks);
                overlay = new Overlay(labelVideo, drawn, tail, range.from(), range.step());
            }
            VideoExport.write(video, out, format, fps, overlay, progress);
            progress.finish();
            Calibration c = video.calibration();
            stdout.println("wrote " + video.frameCount() + " frames of " + video.width() + " x " + video.height() + " "
                    + video.pixelType().label() + " (" + video.format() + ") to " + out + "; " + c);
        } finally {
            progress.finish();
        }
        return Main.OK;
    }

    /** Writing over the input would replace the only copy of the data with a half-read one on failure. */
    private void checkNotTheInput() throws IOException {
        if (Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input)) {
            throw new LptemException(out + ": is the input file; choose another output name");
        }
    }
}
