package org.lptem.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * Read throughput of an uncompressed 16-bit TIFF stack and of a DM4 stack from the page cache, as a ratio to a raw
 * sequential read of the same file in the same run (the goal is 0.7 or more). Not a unit test: timings need a quiet
 * machine. Run from the repository root after {@code ./mvnw -q install -pl plugins/org.lptem.io -DskipTests}:
 *
 * <pre>
 * ./mvnw -q dependency:build-classpath -pl plugins/org.lptem.io -Dmdep.outputFile=/tmp/io.cp
 * java -Xmx1g -cp plugins/org.lptem.io/target/test-classes:plugins/org.lptem.io/target/classes:$(cat /tmp/io.cp) \
 *     org.lptem.io.ReadThroughputBench [DIR] [WIDTH] [FRAMES] [ROUNDS]
 * </pre>
 *
 * The files (default 1024 x 1024 x 200 frames, 400 MiB each) are written to DIR (default: a temporary folder,
 * deleted afterwards) and read once before timing so that they are in the page cache.
 */
public final class ReadThroughputBench {
    private ReadThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("lptem-bench");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        Files.createDirectories(dir);
        Path tiff = dir.resolve("bench-uint16.tif");
        Path dm4 = dir.resolve("bench-uint16.dm4");
        try {
            writeTiff(tiff, size, frames);
            writeDm4(dm4, size, frames);
            System.out.printf(Locale.ROOT, "%d x %d x %d frames of uint16 (%.0f MiB per file), %d rounds, Java %s%n",
                    size, size, frames, Files.size(tiff) / 1048576.0, rounds, System.getProperty("java.version"));
            measure("TIFF (ImageJ layout)", tiff, rounds);
            measure("DM4 stack", dm4, rounds);
        } finally {
            if (args.length == 0) {
                Files.deleteIfExists(tiff);
                Files.deleteIfExists(dm4);
                Files.deleteIfExists(dir);
            }
        }
    }

    private static Frame frame(int size, int k) {
        short[] s = new short[size * size];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (i * 31 + k * 977);
        }
        return Frame.ofShorts(size, size, s, false);
    }

    private static void writeTiff(Path file, int size, int frames) {
        try (TiffStackWriter w = new TiffStackWriter(file, size, size, PixelType.UINT16, Calibration.of(0.2, 0.01))) {
            for (int k = 0; k < frames; k++) {
                w.write(frame(size, k));
            }
        }
    }

    private static void writeDm4(Path file, int size, int frames) throws Exception {
        DmBuilder b = new DmBuilder(4, ByteOrder.LITTLE_ENDIAN);
        long count = (long) size * size * frames;
        DmBuilder.Value data = new DmBuilder.Value(new long[] {20, 4, count}, null, new DmBuilder.Streamed() {
            @Override
            public long length() {
                return 2 * count;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                ByteBuffer buf = ByteBuffer.allocate(2 * size * size).order(ByteOrder.LITTLE_ENDIAN);
                for (int k = 0; k < frames; k++) {
                    buf.clear();
                    buf.asShortBuffer().put((short[]) frame(size, k).samples());
                    out.write(buf.array());
                }
            }
        });
        DmBuilder.Group image = b.root.group("ImageList").group("");
        DmBuilder.Group imageData = image.group("ImageData");
        imageData.add("Data", data).add("DataType", b.int32(10));
        imageData.group("Dimensions").add("", b.uint32(size)).add("", b.uint32(size)).add("", b.uint32(frames));
        b.writeTo(file);
    }

    private static void measure(String label, Path file, int rounds) throws Exception {
        long bytes = Files.size(file);
        rawRead(file); // into the page cache, and the JIT warmed
        videoRead(file);
        double[] raw = new double[rounds];
        double[] video = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            raw[r] = bytes / rawRead(file);
            video[r] = bytes / videoRead(file);
        }
        double rawMedian = median(raw);
        double videoMedian = median(video);
        System.out.printf(Locale.ROOT, "%-22s raw %7.0f MB/s   frames %7.0f MB/s   ratio %.2f (median of %d; "
                + "best-round ratio %.2f)%n", label, rawMedian / 1e6, videoMedian / 1e6, videoMedian / rawMedian,
                rounds, max(video) / max(raw));
    }

    /** Seconds to read the whole file sequentially, 1 MiB at a time, as fast as Java reads a file. */
    private static double rawRead(Path file) throws IOException {
        byte[] buf = new byte[1 << 20];
        long sum = 0;
        long start = System.nanoTime();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            int n;
            while ((n = f.read(buf)) > 0) {
                sum += buf[n - 1];
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        sink(sum);
        return s;
    }

    /** Seconds to open the file as a video and decode every frame in order. */
    private static double videoRead(Path file) throws IOException {
        long sum = 0;
        long start = System.nanoTime();
        try (Video v = VideoIO.open(file)) {
            Frame frame = null;
            for (int k = 0; k < v.frameCount(); k++) {
                frame = v.frame(k, frame); // one frame alive at a time, as in analysis loops
                short[] s = (short[]) frame.samples();
                sum += s[s.length - 1];
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        sink(sum);
        return s;
    }

    private static long blackhole;

    private static void sink(long v) {
        blackhole ^= v;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
