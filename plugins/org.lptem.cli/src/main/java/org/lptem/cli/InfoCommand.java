package org.lptem.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lptem.core.Calibration;
import org.lptem.core.Video;
import org.lptem.io.JsonText;
import org.lptem.io.VideoIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lptem info}: what a video file holds, without decoding its frames. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print frames, width, height, pixel type, calibration and format of a video.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Video: TIFF, Gatan DM3/DM4 or In-Situ capture folder, MRC/MRCS, "
            + "TIA SER, Velox EMD, AVI, MP4, or a folder of numbered PNG/JPEG/TIFF frames (detected by content).")
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
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("file", v.source());
                info.put("format", v.format());
                info.put("frames", v.frameCount());
                info.put("width_px", v.width());
                info.put("height_px", v.height());
                info.put("pixel_type", v.pixelType().label());
                info.put("nm_per_px", c.nmPerPixel());
                info.put("s_per_frame", c.secondsPerFrame());
                out.print(JsonText.of(info));
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
