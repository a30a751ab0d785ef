package org.lptem.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Gatan DM3/DM4 files byte by byte from the published description of the format (tag groups and tag
 * entries, big-endian structure, values in the declared byte order), independently of the reader.
 */
final class DmBuilder {
    /** A tag group: named or unnamed ("") entries, each a group or a value. */
    static final class Group {
        final List<Object[]> entries = new ArrayList<>();

        Group add(String name, Object groupOrValue) {
            entries.add(new Object[] {name, groupOrValue});
            return this;
        }

        Group group(String name) {
            Group g = new Group();
            add(name, g);
            return g;
        }
    }

    /** A data entry: its type description and its values, already encoded. */
    record Value(long[] info, byte[] bytes, Streamed streamed) {
        Value(long[] info, byte[] bytes) {
            this(info, bytes, null);
        }

        long length() {
            return streamed == null ? bytes.length : streamed.length();
        }
    }

    /** Values too large to hold in memory (benchmark stacks), written straight to the file. */
    interface Streamed {
        long length();

        void writeTo(OutputStream out) throws IOException;
    }

    private final int version;
    private final ByteOrder order;
    final Group root = new Group();

    DmBuilder(int version, ByteOrder valueOrder) {
        this.version = version;
        this.order = valueOrder;
    }

    Value int32(int v) {
        return new Value(new long[] {3}, buf(4).putInt(v).array());
    }

    Value uint32(long v) {
        return new Value(new long[] {5}, buf(4).putInt((int) v).array());
    }

    Value float32(float v) {
        return new Value(new long[] {6}, buf(4).putFloat(v).array());
    }

    Value float64(double v) {
        return new Value(new long[] {7}, buf(8).putDouble(v).array());
    }

    /** Text as DigitalMicrograph stores units: an array of UTF-16 code units. */
    Value units(String s) {
        ByteBuffer b = buf(2 * s.length());
        for (char c : s.toCharArray()) {
            b.putChar(c);
        }
        return new Value(new long[] {20, 4, s.length()}, b.array());
    }

    /** A string entry (type 18). */
    Value string(String s) {
        ByteBuffer b = buf(2 * s.length());
        for (char c : s.toCharArray()) {
            b.putChar(c);
        }
        return new Value(new long[] {18, s.length()}, b.array());
    }

    /** An array of {@code elementType} holding {@code samples} (byte[], short[], int[], float[] or double[]). */
    Value array(int elementType, Object samples) {
        byte[] raw = encode(samples);
        return new Value(new long[] {20, elementType, raw.length / DmTags.simpleSize(elementType)}, raw);
    }

    /** A struct of float32 fields (as DigitalMicrograph stores rectangles and points). */
    Value struct(float... fields) {
        long[] info = new long[3 + 2 * fields.length];
        info[0] = 15;
        info[2] = fields.length;
        ByteBuffer b = buf(4 * fields.length);
        for (int k = 0; k < fields.length; k++) {
            info[4 + 2 * k] = 6;
            b.putFloat(fields[k]);
        }
        return new Value(info, b.array());
    }

    byte[] encode(Object samples) {
        if (samples instanceof byte[] b) {
            return b;
        }
        ByteBuffer b;
        if (samples instanceof short[] s) {
            b = buf(2 * s.length);
            b.asShortBuffer().put(s);
        } else if (samples instanceof int[] s) {
            b = buf(4 * s.length);
            b.asIntBuffer().put(s);
        } else if (samples instanceof float[] s) {
            b = buf(4 * s.length);
            b.asFloatBuffer().put(s);
        } else if (samples instanceof double[] s) {
            b = buf(8 * s.length);
            b.asDoubleBuffer().put(s);
        } else if (samples instanceof long[] s) {
            b = buf(8 * s.length);
            b.asLongBuffer().put(s);
        } else {
            throw new IllegalArgumentException("unsupported samples " + samples);
        }
        return b.array();
    }

    private ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(order);
    }

    /**
     * Adds an image the way DigitalMicrograph lays it out under {@code ImageList}: ImageData with Calibrations,
     * Data, DataType, Dimensions and PixelDepth, then ImageTags and a Name.
     */
    Group image(Group list, int dataType, int elementType, Object samples, long[] dimensions, double nmScale,
            String unit, double timeScale, String timeUnit) {
        Group image = list.group("");
        Group data = image.group("ImageData");
        Group dims = data.group("Calibrations").add("Brightness", new Group()
                .add("Origin", float32(0)).add("Scale", float32(1)).add("Units", units(""))).group("Dimension");
        for (int i = 0; i < dimensions.length; i++) {
            double scale = i < 2 ? nmScale : timeScale;
            String u = i < 2 ? unit : timeUnit;
            dims.group("").add("Origin", float32(0)).add("Scale", float32((float) scale)).add("Units", units(u));
        }
        data.add("Data", array(elementType, samples));
        data.add("DataType", int32(dataType));
        Group size = data.group("Dimensions");
        for (long d : dimensions) {
            size.add("", uint32(d));
        }
        data.add("PixelDepth", uint32(encode(samples).length
                / Math.max(1, dimensions[0] * dimensions[1] * (dimensions.length > 2 ? dimensions[2] : 1))));
        image.group("ImageTags").add("Acquisition Date", string("11/21/2026")).group("Microscope Info")
                .add("Voltage", float64(300000));
        image.add("Name", units("LPTEM test"));
        image.add("UniqueID", struct(1, 2, 3, 4));
        return image;
    }

    /** A file with a thumbnail first, as DigitalMicrograph writes, then the image. */
    static DmBuilder withImage(int version, ByteOrder order, int dataType, int elementType, Object samples,
            long[] dimensions, double nmScale, String unit, double timeScale, String timeUnit) {
        DmBuilder b = new DmBuilder(version, order);
        b.root.add("ApplicationBounds", b.array(3, new int[] {0, 0, 1464, 2236}));
        Group list = b.root.group("ImageList");
        b.image(list, 23, 5, new int[16], new long[] {4, 4}, 1, "", 1, "");
        b.image(list, dataType, elementType, samples, dimensions, nmScale, unit, timeScale, timeUnit);
        b.root.add("Thumbnails", new Group().add("", new Group().add("ImageIndex", b.uint32(0))));
        return b;
    }

    Path writeTo(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out);
        }
        return file;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(OutputStream out) throws IOException {
        long tree = size(root);
        ByteBuffer head = ByteBuffer.allocate(version == 4 ? 16 : 12).order(ByteOrder.BIG_ENDIAN);
        head.putInt(version);
        if (version == 4) {
            head.putLong(tree + 8);
        } else {
            head.putInt((int) (tree + 8));
        }
        head.putInt(order == ByteOrder.LITTLE_ENDIAN ? 1 : 0);
        out.write(head.array());
        writeGroup(out, root);
        out.write(new byte[8]); // the zeros DigitalMicrograph writes after the root group
    }

    /** Bytes a group takes, so that DM4 entry sizes can be written before the entries. */
    private long size(Group g) {
        int countSize = version == 4 ? 8 : 4;
        long n = 2 + countSize;
        for (Object[] e : g.entries) {
            n += 3 + ((String) e[0]).getBytes(StandardCharsets.ISO_8859_1).length + (version == 4 ? 8 : 0)
                    + content(e[1]);
        }
        return n;
    }

    private long content(Object groupOrValue) {
        if (groupOrValue instanceof Group g) {
            return size(g);
        }
        Value v = (Value) groupOrValue;
        int countSize = version == 4 ? 8 : 4;
        return 4 + countSize * (1L + v.info().length) + v.length();
    }

    private void writeGroup(OutputStream out, Group g) throws IOException {
        out.write(1); // sorted
        out.write(0); // open
        count(out, g.entries.size());
        for (Object[] e : g.entries) {
            byte[] nameBytes = ((String) e[0]).getBytes(StandardCharsets.ISO_8859_1);
            out.write(e[1] instanceof Group ? 20 : 21);
            out.write(ByteBuffer.allocate(2).order(ByteOrder.BIG_ENDIAN).putShort((short) nameBytes.length).array());
            out.write(nameBytes);
            if (version == 4) {
                out.write(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(content(e[1])).array());
            }
            if (e[1] instanceof Group child) {
                writeGroup(out, child);
            } else {
                Value v = (Value) e[1];
                out.write("%%%%".getBytes(StandardCharsets.US_ASCII));
                count(out, v.info().length);
                for (long i : v.info()) {
                    count(out, i);
                }
                if (v.streamed() != null) {
                    v.streamed().writeTo(out);
                } else {
                    out.write(v.bytes());
                }
            }
        }
    }

    /** Counts and type descriptions: int32 in DM3, int64 in DM4, always big-endian. */
    private void count(OutputStream out, long v) throws IOException {
        if (version == 4) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(v).array());
        } else {
            out.write(ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt((int) v).array());
        }
    }
}
