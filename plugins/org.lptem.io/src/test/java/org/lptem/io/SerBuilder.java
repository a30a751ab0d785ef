package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes TIA .ser series from the published description (little-endian header, dimension array, offset table, then
 * one element per frame with its calibration, type, size and pixels stored bottom row first).
 */
final class SerBuilder {
    int version = 0x0220;
    int dataType;
    int width;
    int height;
    double metresPerPixel = 0.2e-9;
    String seriesUnit = "";
    double seriesDelta = 1;
    int extraElements; // declared but not valid (a series stopped early)
    final List<byte[]> frames = new ArrayList<>();

    /** A series of images of TIA type {@code dataType}; {@code rows} are the frame's rows top first. */
    static SerBuilder of(int dataType, int width, int height) {
        SerBuilder b = new SerBuilder();
        b.dataType = dataType;
        b.width = width;
        b.height = height;
        return b;
    }

    /** Adds a frame; samples in our row order (top row first), stored bottom first as TIA does. */
    SerBuilder frame(Object samples) {
        byte[] raw = new DmBuilder(4, ByteOrder.LITTLE_ENDIAN).encode(samples); // TIA files are little-endian
        int rowBytes = raw.length / height;
        byte[] flipped = new byte[raw.length];
        for (int r = 0; r < height; r++) {
            System.arraycopy(raw, r * rowBytes, flipped, (height - 1 - r) * rowBytes, rowBytes);
        }
        frames.add(flipped);
        return this;
    }

    byte[] build() {
        boolean wide = version == 0x0220;
        int offsetSize = wide ? 8 : 4;
        byte[] desc = "Time".getBytes(StandardCharsets.ISO_8859_1);
        byte[] unit = seriesUnit.getBytes(StandardCharsets.ISO_8859_1);
        int total = frames.size() + extraElements;
        int headerSize = (wide ? 34 : 30) + 4 + 8 + 8 + 4 + 4 + desc.length + 4 + unit.length;
        int elementsStart = headerSize;
        int elementsSize = 0;
        for (byte[] f : frames) {
            elementsSize += 50 + f.length;
        }
        int tagsStart = elementsStart + elementsSize;
        int tableStart = tagsStart + 8 * frames.size();
        ByteBuffer b = ByteBuffer.allocate(tableStart + 2 * total * offsetSize).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x4949).putShort((short) 0x0197).putShort((short) version);
        b.putInt(0x4122).putInt(0x4152).putInt(total).putInt(frames.size());
        if (wide) {
            b.putLong(tableStart);
        } else {
            b.putInt(tableStart);
        }
        b.putInt(1); // one series dimension
        b.putInt(total).putDouble(0).putDouble(seriesDelta).putInt(0);
        b.putInt(desc.length).put(desc).putInt(unit.length).put(unit);
        long[] dataOffsets = new long[total];
        for (int i = 0; i < frames.size(); i++) {
            dataOffsets[i] = b.position();
            b.putDouble(-width / 2.0 * metresPerPixel).putDouble(metresPerPixel).putInt(0);
            b.putDouble(-height / 2.0 * metresPerPixel).putDouble(metresPerPixel).putInt(0);
            b.putShort((short) dataType).putInt(width).putInt(height);
            b.put(frames.get(i));
        }
        long[] tagOffsets = new long[total];
        for (int i = 0; i < frames.size(); i++) {
            tagOffsets[i] = b.position();
            b.putShort((short) 0x4152).putShort((short) 0).putInt(1_700_000_000 + i);
        }
        for (long o : dataOffsets) {
            putOffset(b, o, wide);
        }
        for (long o : tagOffsets) {
            putOffset(b, o, wide);
        }
        return b.array();
    }

    private static void putOffset(ByteBuffer b, long v, boolean wide) {
        if (wide) {
            b.putLong(v);
        } else {
            b.putInt((int) v);
        }
    }

    Path writeTo(Path file) throws Exception {
        Files.write(file, build());
        return file;
    }
}
