package org.lptem.io;

import java.util.OptionalDouble;

import org.lptem.core.Calibration;

/** The physical scale stored in a TIFF: ImageJ's unit and frame interval, with the resolution tags. */
final class TiffCalibration {
    /**
     * Pixel sizes outside this window (nm) are not microscope scales. It filters the usual 72 or 300 dpi defaults
     * that image tools write in centimetre units (72 dpi = 352,778 nm per pixel).
     */
    private static final double MIN_NM = 1e-3;
    private static final double MAX_NM = 1e4;

    private TiffCalibration() {
    }

    static Calibration read(Ifd first, ImageJDescription imageJ) {
        return new Calibration(pixelSize(first, imageJ),
                imageJ == null ? OptionalDouble.empty() : imageJ.frameIntervalSeconds());
    }

    private static OptionalDouble pixelSize(Ifd first, ImageJDescription imageJ) {
        long[] xres = first.rational(TiffTags.X_RESOLUTION, "XResolution");
        if (xres == null || xres[0] == 0 || xres[1] == 0) {
            return OptionalDouble.empty();
        }
        OptionalDouble unitNm = imageJ == null ? OptionalDouble.empty() : imageJ.unitInNm();
        if (unitNm.isPresent()) {
            // XResolution is pixels per unit; den/num keeps a writer's exact rational (ours writes nm/px = den/num).
            return OptionalDouble.of(unitNm.getAsDouble() * xres[1] / xres[0]);
        }
        long unit = first.longValue(TiffTags.RESOLUTION_UNIT, "ResolutionUnit", 2);
        if (unit == TiffTags.RESOLUTION_UNIT_CM) {
            double nm = 1e7 * xres[1] / xres[0];
            if (nm >= MIN_NM && nm <= MAX_NM) {
                return OptionalDouble.of(nm);
            }
        }
        // Inches are what desktop tools write for print size, never a microscope scale.
        return OptionalDouble.empty();
    }
}
