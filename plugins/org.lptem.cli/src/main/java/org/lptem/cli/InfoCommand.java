package org.lptem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lptem.core.Calibration;
import org.lptem.core.Video;
import org.lptem.io.VideoIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lptem info}: what a video file holds, without decoding its frames. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print frames, width, height, pixel type, calibration and format of a video.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "TIFF stack or folder of numbered frames.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Video v = VideoIO.open(file)) {
            Calibration c = v.calibration();
            var out = spec.commandLine().getOut();
            if (json) {
                out.println("{" + Json.field("file", v.source()) + "," + Json.field("format", v.format()) + ","
                        + Json.field("frames", v.frameCount()) + "," + Json.field("width", v.width()) + ","
                        + Json.field("height", v.height()) + "," + Json.field("pixel_type", v.pixelType().label())
                        + "," + Json.field("nm_per_px", c.nmPerPixel()) + ","
                        + Json.field("s_per_frame", c.secondsPerFrame()) + "}");
            } else {
                out.println("file:        " + v.source());
                out.println("format:      " + v.format());
                out.println("frames:      " + v.frameCount());
                out.println("size:        " + v.width() + " x " + v.height() + " px");
                out.println("pixel type:  " + v.pixelType().label());
                out.println("pixel size:  " + (c.hasPixelSize() ? c.nmPerPixel().getAsDouble() + " nm/px" : "unknown"));
                out.println("frame time:  "
                        + (c.hasFrameInterval() ? c.secondsPerFrame().getAsDouble() + " s/frame" : "unknown"));
            }
        }
        return Main.OK;
    }
}
