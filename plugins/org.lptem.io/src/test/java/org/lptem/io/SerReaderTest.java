package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

class SerReaderTest {
    static final int W = 6;
    static final int H = 4;

    @TempDir
    Path dir;

    private static SerBuilder series(int dataType, PixelType type, int frames) {
        SerBuilder b = SerBuilder.of(dataType, W, H);
        for (int k = 0; k < frames; k++) {
            b.frame(Stacks.frame(type, W, H, k).samples());
        }
        return b;
    }

    @Test
    void readsEveryIntegerAndFloat32TypeExactlyInBothVersions() throws Exception {
        int[][] cases = {{1, 0}, {2, 2}, {3, 4}, {5, 1}, {6, 3}, {7, 5}}; // {TIA type, PixelType ordinal}
        for (int version : new int[] {0x0210, 0x0220}) {
            for (int[] c : cases) {
                PixelType type = PixelType.values()[c[1]];
                SerBuilder b = series(c[0], type, 3);
                b.version = version;
                Path f = b.writeTo(dir.resolve("s" + c[0] + "_" + version + "_1.ser"));
                try (Video v = VideoIO.open(f)) {
                    assertEquals("ser", v.format());
                    assertEquals(3, v.frameCount());
                    assertEquals(W, v.width());
                    assertEquals(H, v.height());
                    assertEquals(type, v.pixelType());
                    assertEquals(Calibration.of(0.2e-9 * 1e9, null), v.calibration());
                    for (int k = 2; k >= 0; k--) {
                        assertEquals(Stacks.frame(type, W, H, k), v.frame(k), f + " frame " + k);
                    }
                }
            }
        }
    }

    @Test
    void signedBytesWidenAndOnlyValidElementsAreFrames() throws Exception {
        byte[] raw = new byte[W * H];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 19 - 100);
        }
        SerBuilder b = SerBuilder.of(4, W, H).frame(raw).frame(raw);
        b.extraElements = 5;
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("bytes_1.ser")))) {
            assertEquals(2, v.frameCount());
            assertEquals(PixelType.INT16, v.pixelType());
            for (int i = 0; i < raw.length; i++) {
                assertEquals(raw[i], v.frame(1).get(i));
            }
        }
    }

    @Test
    void frameTimeFromATimeSeriesOrFromTheEmi() throws Exception {
        SerBuilder timed = series(2, PixelType.UINT16, 2);
        timed.seriesUnit = "s";
        timed.seriesDelta = 0.025;
        try (Video v = VideoIO.open(timed.writeTo(dir.resolve("timed_1.ser")))) {
            assertEquals(Calibration.of(0.2, 0.025), v.calibration());
        }
        Path ser = series(2, PixelType.UINT16, 2).writeTo(dir.resolve("movie_1.ser"));
        try (Video v = VideoIO.open(ser)) {
            assertEquals(Calibration.of(0.2, null), v.calibration());
        }
        // the .emi: a binary container with the ObjectInfo XML inside
        byte[] junk = {0x4A, 0x4B, 0, 2, 0, 0, 0, 0, 4, 0x4D, 1, 0, 7, 7, 7};
        String xml = "<ObjectInfo><AcquireDate>Mon Nov 23 2026</AcquireDate><AcquireInfo><FrameTime>0.04</FrameTime>"
                + "<DwellTimePath>0</DwellTimePath></AcquireInfo></ObjectInfo>";
        byte[] emi = new byte[junk.length + xml.length() + 100];
        System.arraycopy(junk, 0, emi, 0, junk.length);
        System.arraycopy(xml.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, emi, junk.length, xml.length());
        Files.write(dir.resolve("movie.emi"), emi);
        try (Video v = VideoIO.open(ser)) {
            assertEquals(Calibration.of(0.2, 0.04), v.calibration());
        }
        Files.write(dir.resolve("movie.emi"), new byte[] {'<', 'O', 'b', 'j', 'e', 'c', 't', 'I', 'n', 'f', 'o', '>'});
        try (Video v = VideoIO.open(ser)) {
            assertEquals(Calibration.of(0.2, null), v.calibration(), "a damaged .emi is ignored");
        }
    }
}
