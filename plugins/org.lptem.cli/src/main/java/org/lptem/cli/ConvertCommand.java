package org.lptem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Video;
import org.lptem.core.VideoView;
import org.lptem.io.TiffStackWriter;
import org.lptem.io.VideoIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lptem convert}: any video the readers know to an ImageJ-compatible TIFF stack, values unchanged. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Convert a video to an uncompressed TIFF stack (ImageJ layout, calibration kept) that ImageJ, "
                + "Fiji, Python and this toolkit open.",
                "Pixel values are copied unchanged in the reader's pixel type (signed 8-bit and 16-bit float become "
                        + "16-bit integer and 32-bit float, which hold them exactly). The file appears only when "
                        + "the conversion succeeded."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Video: TIFF, Gatan DM3/DM4 or In-Situ capture "
            + "folder, MRC/MRCS, TIA SER, Velox EMD, AVI, MP4, or a folder of numbered PNG/JPEG/TIFF frames.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.tif", description = "TIFF stack to write.")
    Path out;

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
        Thread hook = new Thread(progress::cancel);
        Runtime.getRuntime().addShutdownHook(hook);
        try (Video video = new VideoView(VideoIO.open(input), range.from(), range.to(), range.step(), override)) {
            write(video, progress);
            progress.finish();
            Calibration c = video.calibration();
            stdout.println("wrote " + video.frameCount() + " frames of " + video.width() + " x " + video.height() + " "
                    + video.pixelType().label() + " (" + video.format() + ") to " + out + "; " + c);
        } finally {
            progress.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting because of Ctrl-C; nothing to undo
            }
        }
        return Main.OK;
    }

    private void write(Video video, ConsoleProgress progress) {
        TiffStackWriter writer = new TiffStackWriter(out, video.width(), video.height(), video.pixelType(),
                video.calibration());
        try {
            int n = video.frameCount();
            for (int i = 0; i < n; i++) {
                progress.checkCanceled();
                writer.write(video.frame(i));
                progress.report((i + 1.0) / n, "converting frame " + (i + 1) + " of " + n);
            }
        } catch (RuntimeException e) {
            writer.abort(); // nothing is left under OUT's name
            throw e;
        }
        writer.close();
    }

    /** Writing over the input would replace the only copy of the data with a half-read one on failure. */
    private void checkNotTheInput() throws IOException {
        if (Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input)) {
            throw new LptemException(out + ": is the input file; choose another output name");
        }
    }
}
