package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes MRC files from the MRC2014 description (1024-byte header, extended header, sections), as other programs do. */
final class MrcBuilder {
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    int nx;
    int ny;
    int nz;
    int mode;
    float cellX;
    int mx;
    int extended;
    boolean mapLabel = true;
    boolean stamp = true;
    Integer imodFlags;
    int[] axes = {1, 2, 3};
    byte[] data;

    /** A stack of {@code nz} sections of {@code nx x ny} in {@code mode}; {@code samples} as the mode stores them. */
    static MrcBuilder stack(int mode, int nx, int ny, int nz, Object samples, ByteOrder order) {
        MrcBuilder b = new MrcBuilder();
        b.mode = mode;
        b.nx = nx;
        b.ny = ny;
        b.nz = nz;
        b.order = order;
        b.data = encode(samples, order);
        return b;
    }

    /** Pixel size {@code angstrom} per pixel, as writers store it: cell length over sampling. */
    MrcBuilder pixelSize(double angstrom) {
        mx = nx;
        cellX = (float) (angstrom * nx);
        return this;
    }

    static byte[] encode(Object samples, ByteOrder order) {
        if (samples instanceof byte[] b) {
            return b;
        }
        ByteBuffer b;
        if (samples instanceof short[] s) {
            b = ByteBuffer.allocate(2 * s.length).order(order);
            b.asShortBuffer().put(s);
        } else if (samples instanceof float[] s) {
            b = ByteBuffer.allocate(4 * s.length).order(order);
            b.asFloatBuffer().put(s);
        } else {
            throw new IllegalArgumentException("unsupported samples " + samples);
        }
        return b.array();
    }

    byte[] build() {
        ByteBuffer h = ByteBuffer.allocate(1024 + extended + data.length).order(order);
        h.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, mode);
        h.putInt(28, mx).putInt(32, ny).putInt(36, nz);
        h.putFloat(40, cellX).putFloat(44, cellX / Math.max(1, nx) * ny).putFloat(48, nz);
        h.putFloat(52, 90).putFloat(56, 90).putFloat(60, 90);
        h.putInt(64, axes[0]).putInt(68, axes[1]).putInt(72, axes[2]);
        h.putInt(88, nz > 1 ? 0 : 1); // ISPG 0: image stack
        h.putInt(92, extended);
        h.put(104, (byte) 'M').put(105, (byte) 'R').put(106, (byte) 'C').put(107, (byte) 'O');
        h.putInt(108, 20140);
        if (imodFlags != null) {
            h.putInt(152, 1146047817).putInt(156, imodFlags);
        }
        if (mapLabel) {
            h.put(208, (byte) 'M').put(209, (byte) 'A').put(210, (byte) 'P').put(211, (byte) ' ');
        }
        if (stamp) {
            byte s = order == ByteOrder.LITTLE_ENDIAN ? (byte) 0x44 : (byte) 0x11;
            h.put(212, s).put(213, order == ByteOrder.LITTLE_ENDIAN ? (byte) 0x44 : (byte) 0x11);
        }
        h.putInt(220, 1);
        byte[] label = "written by the LPTEM tests".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        h.position(224);
        h.put(label);
        for (int i = 0; i < extended; i++) {
            h.put(1024 + i, (byte) (i * 13)); // an extended header of junk that must be skipped
        }
        h.position(1024 + extended);
        h.put(data);
        return h.array();
    }

    Path writeTo(Path file) throws Exception {
        Files.write(file, build());
        return file;
    }
}
