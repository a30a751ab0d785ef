package org.lptem.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.lptem.core.LptemException;
import org.lptem.core.Video;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz targets (Jazzer) for every binary reader. In a normal build they run in regression mode: each
 * seed file, unmodified (the empty input), plus any inputs saved under
 * {@code src/test/resources/org/lptem/io/ReaderFuzzTargetsInputs/<method>/} and in the corpus a local fuzzing run
 * grew ({@code .cifuzz-corpus/}, not committed). To fuzz one target, run for example
 * {@code JAZZER_FUZZ=1 ./mvnw -q test -pl plugins/org.lptem.io -Dtest=ReaderFuzzTargets#dm
 * -Dsurefire.failIfNoSpecifiedTests=false}; it stops after its {@code maxDuration}, and a crashing input is written
 * to the inputs folder above, where it stays as a regression test.
 *
 * <p>The fuzzer's bytes either describe edits of a valid seed made by the test builders (choose a seed, then
 * overwrite bytes, write boundary values, truncate), which keeps it near real structure, or, for the last seed index,
 * are the file itself. Opening and reading must work or throw an LptemException; anything else is a finding.
 */
class ReaderFuzzTargets {
    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("lptem-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.list(d)) {
                    files.forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless
                }
                d.toFile().delete();
            }));
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<FuzzHarness.Seed> TIFF = seeds(() -> List.of(
            new FuzzHarness.Seed("tifffile", TiffBuilder.tifffile().rowsPerStrip(2)
                    .page(5, 4, TiffReaderTest.pattern16(0, 5, 4)).page(5, 4, TiffReaderTest.pattern16(1, 5, 4))
                    .build(), ByteOrder.LITTLE_ENDIAN),
            new FuzzHarness.Seed("imagej", TiffBuilder.imageJ().description("ImageJ=1.54f\nimages=2\n")
                    .page(5, 4, TiffReaderTest.pattern16(0, 5, 4)).page(5, 4, TiffReaderTest.pattern16(1, 5, 4))
                    .build(), ByteOrder.BIG_ENDIAN)));
    private static final List<FuzzHarness.Seed> DM = seeds(FormatFuzzTest::dmSeeds);
    private static final List<FuzzHarness.Seed> MRC = seeds(FormatFuzzTest::mrcSeeds);
    private static final List<FuzzHarness.Seed> SER = seeds(FormatFuzzTest::serSeeds);
    private static final List<FuzzHarness.Seed> AVI = seeds(FormatFuzzTest::aviSeeds);
    private static final List<FuzzHarness.Seed> EMD = seeds(() -> FormatFuzzTest.emdSeeds(DIR));
    private static final List<FuzzHarness.Seed> MP4 = seeds(() -> FormatFuzzTest.mp4Seeds(DIR));

    private interface SeedMaker {
        List<FuzzHarness.Seed> make() throws Exception;
    }

    private static List<FuzzHarness.Seed> seeds(SeedMaker m) {
        try {
            return m.make();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the fuzz seeds", e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void tiff(FuzzedDataProvider data) {
        run(".tif", TIFF, data);
    }

    @FuzzTest(maxDuration = "60s")
    void dm(FuzzedDataProvider data) {
        run(".dm4", DM, data);
    }

    @FuzzTest(maxDuration = "60s")
    void mrc(FuzzedDataProvider data) {
        run(".mrc", MRC, data);
    }

    @FuzzTest(maxDuration = "60s")
    void ser(FuzzedDataProvider data) {
        run("_1.ser", SER, data);
    }

    @FuzzTest(maxDuration = "60s")
    void avi(FuzzedDataProvider data) {
        run(".avi", AVI, data);
    }

    @FuzzTest(maxDuration = "60s")
    void emd(FuzzedDataProvider data) {
        run(".emd", EMD, data);
    }

    @FuzzTest(maxDuration = "60s")
    void mp4(FuzzedDataProvider data) {
        run(".mp4", MP4, data);
    }

    private static void run(String extension, List<FuzzHarness.Seed> seeds, FuzzedDataProvider data) {
        if (data.remainingBytes() == 0) {
            for (FuzzHarness.Seed s : seeds) {
                read(extension, s.bytes());
            }
            return;
        }
        int choice = data.consumeInt(0, seeds.size());
        if (choice == seeds.size()) {
            read(extension, data.consumeRemainingAsBytes());
            return;
        }
        FuzzHarness.Seed seed = seeds.get(choice);
        byte[] b = seed.bytes().clone();
        for (int edits = 0; edits < 16 && data.remainingBytes() > 0 && b.length > 8; edits++) {
            switch (data.consumeInt(0, 2)) {
                case 0 -> {
                    byte[] patch = data.consumeBytes(data.consumeInt(1, 8));
                    int at = data.consumeInt(0, b.length - patch.length);
                    System.arraycopy(patch, 0, b, at, Math.min(patch.length, b.length - at));
                }
                case 1 -> ByteBuffer.wrap(b).order(data.consumeBoolean() ? ByteOrder.BIG_ENDIAN : seed.order())
                        .putInt(data.consumeInt(0, b.length - 4), data.consumeInt());
                default -> b = Arrays.copyOf(b, data.consumeInt(0, b.length));
            }
        }
        read(extension, b);
    }

    private static void read(String extension, byte[] bytes) {
        Path f = DIR.resolve("fuzz" + extension);
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Video v = VideoIO.open(f)) {
            for (int k = 0; k < v.frameCount(); k++) {
                v.frame(k);
            }
        } catch (LptemException expected) {
            if (!expected.getMessage().startsWith(f.toString())) {
                throw new AssertionError("the message does not name the file: " + expected.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
