package org.lptem.cli;

import org.lptem.core.Calibration;
import picocli.CommandLine.Option;

/** {@code --pixel-size} and {@code --frame-interval}, shared by every command that reads positions or frames. */
final class CalibrationOptions {

    @Option(names = "--pixel-size", paramLabel = "NM",
            description = "Pixel size in nm/px; overrides what the input says and adds the _nm columns.")
    Double pixelSizeNm;

    @Option(names = "--frame-interval", paramLabel = "S",
            description = "Frame interval in s/frame; overrides what the input says and adds the _s columns.")
    Double frameIntervalS;

    /** The values given on the command line; absent ones leave the input's calibration as it is. */
    Calibration override() {
        return Calibration.of(pixelSizeNm, frameIntervalS);
    }
}
