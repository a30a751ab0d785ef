package org.lptem.io;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.PixelType;

/**
 * Seeded mutation fuzzing ({@link FuzzHarness}) of every binary reader besides TIFF: a few hundred corrupted files
 * per format, each opened and read in full.
 */
class FormatFuzzTest {
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path dir;

    /** DM structure is big-endian whatever the value order, so boundary values go in big-endian. */
    static List<FuzzHarness.Seed> dmSeeds() {
        List<FuzzHarness.Seed> seeds = new ArrayList<>();
        for (int version : new int[] {3, 4}) {
            for (ByteOrder order : new ByteOrder[] {LE, BE}) {
                byte[] b = DmBuilder.withImage(version, order, 10, 4, Stacks.samples(PixelType.UINT16, 5, 4, 3),
                        new long[] {5, 4, 3}, 0.25, "nm", 0.05, "s").build();
                seeds.add(new FuzzHarness.Seed("dm" + version + " " + order, b, BE));
            }
        }
        byte[] small = DmBuilder.withImage(4, LE, 2, 6, Stacks.samples(PixelType.FLOAT32, 3, 2, 1),
                new long[] {3, 2}, 1, "\u00B5m", 1, "").build();
        seeds.add(new FuzzHarness.Seed("dm4 float image", small, BE));
        return seeds;
    }

    @Test
    void dm() throws Exception {
        FuzzHarness.run(dir, ".dm4", dmSeeds(), FuzzHarness.iterations(400), 41L);
    }

    static List<FuzzHarness.Seed> mrcSeeds() {
        List<FuzzHarness.Seed> seeds = new ArrayList<>();
        MrcBuilder a = MrcBuilder.stack(1, 6, 5, 3, Stacks.samples(PixelType.INT16, 6, 5, 3), LE).pixelSize(1.5);
        a.extended = 64;
        seeds.add(new FuzzHarness.Seed("mrc int16 le", a.build(), LE));
        MrcBuilder b = MrcBuilder.stack(12, 4, 4, 2, new short[32], BE);
        seeds.add(new FuzzHarness.Seed("mrc half be", b.build(), BE));
        MrcBuilder c = MrcBuilder.stack(0, 8, 2, 2, new byte[32], LE);
        c.mapLabel = false;
        c.stamp = false;
        seeds.add(new FuzzHarness.Seed("mrc old bytes", c.build(), LE));
        return seeds;
    }

    @Test
    void mrc() throws Exception {
        FuzzHarness.run(dir, ".mrc", mrcSeeds(), FuzzHarness.iterations(300), 42L);
    }

    static List<FuzzHarness.Seed> serSeeds() {
        List<FuzzHarness.Seed> seeds = new ArrayList<>();
        for (int version : new int[] {0x0210, 0x0220}) {
            SerBuilder b = SerBuilder.of(2, 6, 4);
            for (int k = 0; k < 3; k++) {
                b.frame(Stacks.frame(PixelType.UINT16, 6, 4, k).samples());
            }
            b.version = version;
            b.seriesUnit = "s";
            b.extraElements = 2;
            seeds.add(new FuzzHarness.Seed("ser " + version, b.build(), LE));
        }
        return seeds;
    }

    @Test
    void ser() throws Exception {
        FuzzHarness.run(dir, "_1.ser", serSeeds(), FuzzHarness.iterations(300), 43L);
    }

    static List<FuzzHarness.Seed> aviSeeds() throws Exception {
        List<FuzzHarness.Seed> seeds = new ArrayList<>();
        AviBuilder grey = new AviBuilder(7, 5, 8, null);
        AviBuilder mjpeg = new AviBuilder(7, 5, 24, "MJPG");
        for (int k = 0; k < 3; k++) {
            grey.indexed(MovieReaderTest.grey(k, 7, 5));
            mjpeg.jpeg(new BufferedImage(7, 5, BufferedImage.TYPE_BYTE_GRAY), k % 2 == 0);
        }
        grey.audioStreamFirst = true;
        seeds.add(new FuzzHarness.Seed("avi grey", grey.build(), LE));
        seeds.add(new FuzzHarness.Seed("avi mjpeg", mjpeg.build(), LE));
        return seeds;
    }

    @Test
    void avi() throws Exception {
        FuzzHarness.run(dir, ".avi", aviSeeds(), FuzzHarness.iterations(300), 44L);
    }

    static List<FuzzHarness.Seed> emdSeeds(Path dir) throws Exception {
        List<FuzzHarness.Seed> seeds = new ArrayList<>();
        for (boolean chunked : new boolean[] {true, false}) {
            Path f = VeloxBuilder.write(dir.resolve("seed" + chunked + ".emd"), 5, 4, EmdReaderTest.frames(3), true,
                    chunked, VeloxBuilder.json("1e-9", "m", "0.1"));
            seeds.add(new FuzzHarness.Seed("emd chunked " + chunked, Files.readAllBytes(f), LE));
        }
        return seeds;
    }

    @Test
    void emd() throws Exception {
        FuzzHarness.run(dir, ".emd", emdSeeds(dir), FuzzHarness.iterations(300), 45L);
    }

    static List<FuzzHarness.Seed> mp4Seeds(Path dir) throws Exception {
        Path mp4 = dir.resolve("seed.mp4");
        SequenceEncoder enc = SequenceEncoder.createSequenceEncoder(mp4.toFile(), 5);
        for (int k = 0; k < 3; k++) {
            Picture p = Picture.create(16, 16, ColorSpace.RGB);
            java.util.Arrays.fill(p.getPlaneData(0), (byte) (k * 20));
            enc.encodeNativeFrame(p);
        }
        enc.finish();
        // MP4 boxes are big-endian
        return List.of(new FuzzHarness.Seed("mp4", Files.readAllBytes(mp4), BE));
    }

    @Test
    void mp4() throws Exception {
        FuzzHarness.run(dir, ".mp4", mp4Seeds(dir), FuzzHarness.iterations(200), 46L);
    }
}
