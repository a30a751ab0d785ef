package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/** ImageJ itself (headless) reads our stacks, and we read the stacks ImageJ writes. */
class ImageJInteropTest {
    @TempDir
    Path dir;

    @Test
    void imageJOpensOurStacksWithScaleAndValues() {
        for (PixelType type : new PixelType[] {PixelType.UINT8, PixelType.UINT16, PixelType.FLOAT32}) {
            Path out = dir.resolve(type.label() + ".tif");
            try (TiffStackWriter w = new TiffStackWriter(out, 9, 7, type, Calibration.of(0.193, 0.05))) {
                for (int k = 0; k < 3; k++) {
                    w.write(TiffStackWriterTest.patterned(type, 9, 7, k));
                }
            }
            ImagePlus imp = IJ.openImage(out.toString());
            assertEquals(3, imp.getStackSize(), type.label());
            assertEquals(3, imp.getNFrames(), "a time series, not z-slices");
            assertEquals(type.bits(), imp.getBitDepth());
            assertEquals("nm", imp.getCalibration().getUnit());
            assertEquals(0.193, imp.getCalibration().pixelWidth, 1e-12);
            assertEquals(0.05, imp.getCalibration().frameInterval, 0.0);
            for (int k = 0; k < 3; k++) {
                Frame expected = TiffStackWriterTest.patterned(type, 9, 7, k);
                ImageProcessor ip = imp.getStack().getProcessor(k + 1);
                for (int i = 0; i < 63; i++) {
                    double e = expected.get(i);
                    double got = type == PixelType.FLOAT32 ? ip.getf(i) : ip.get(i);
                    assertEquals(Double.isNaN(e) ? 1 : 0, Double.isNaN(got) ? 1 : 0);
                    if (!Double.isNaN(e)) {
                        assertEquals(e, got, 0.0, type + " frame " + k + " pixel " + i);
                    }
                }
            }
        }
    }

    @Test
    void weOpenStacksImageJWrites() throws Exception {
        ImageStack stack = new ImageStack(11, 5);
        for (int k = 0; k < 4; k++) {
            ShortProcessor sp = new ShortProcessor(11, 5);
            for (int i = 0; i < 55; i++) {
                sp.set(i, 30000 + k * 1000 + i * 3);
            }
            stack.addSlice(sp);
        }
        ImagePlus imp = new ImagePlus("stack", stack);
        imp.getCalibration().pixelWidth = 0.0021;
        imp.getCalibration().pixelHeight = 0.0021;
        imp.getCalibration().setUnit("\u00B5m");
        imp.getCalibration().frameInterval = 0.05;
        Path file = dir.resolve("imagej.tif");
        new FileSaver(imp).saveAsTiffStack(file.toString());
        try (Video v = VideoIO.open(file)) {
            assertEquals(4, v.frameCount());
            assertEquals(PixelType.UINT16, v.pixelType());
            assertEquals(2.1, v.calibration().nmPerPixel().getAsDouble(), 1e-6); // ImageJ's rational has 1e-6 px
            assertEquals(0.05, v.calibration().secondsPerFrame().getAsDouble(), 0.0);
            for (int k = 3; k >= 0; k--) {
                for (int i = 0; i < 55; i++) {
                    assertEquals(30000 + k * 1000 + i * 3, v.frame(k).get(i), "frame " + k);
                }
            }
        }
    }
}
