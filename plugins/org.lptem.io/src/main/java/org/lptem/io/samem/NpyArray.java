package org.lptem.io.samem;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lptem.core.LptemException;

/**
 * One numpy array in the {@code .npy} format (version 1.0 written; 1.0, 2.0 and 3.0 read): a magic string, a
 * little header dictionary ({@code descr}, {@code fortran_order}, {@code shape}) and the raw C-order data. Only the
 * numeric dtypes SAM-style outputs use are supported: bool, (u)int8/16/32/64, float32/64, either byte order.
 *
 * @param dtype numpy's type code without byte order: {@code b1, u1, i1, u2, i2, u4, i4, u8, i8, f4, f8}
 * @param shape dimensions in C order
 * @param data the values in little-endian byte order, C order
 */
public record NpyArray(String dtype, long[] shape, byte[] data) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** numpy pads the header so that the data starts at a multiple of this (64 since numpy 1.x for alignment). */
    private static final int ALIGN = 64;

    public NpyArray {
        int size = itemSize(dtype);
        long count = count(shape);
        if (count * size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + count * size + " bytes, got " + data.length);
        }
    }

    public static NpyArray ofUint8(byte[] values, long... shape) {
        return new NpyArray("u1", shape, values.clone());
    }

    public static NpyArray ofInt32(int[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return new NpyArray("i4", shape, b.array());
    }

    public static NpyArray ofFloat32(float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new NpyArray("f4", shape, b.array());
    }

    /** Number of elements. */
    public long size() {
        return count(shape);
    }

    /** Element {@code i} (C order) as a double, whatever the dtype. */
    public double get(int i) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int at = i * itemSize(dtype);
        return switch (dtype) {
            case "b1", "u1" -> data[at] & 0xFF;
            case "i1" -> data[at];
            case "u2" -> b.getShort(at) & 0xFFFF;
            case "i2" -> b.getShort(at);
            case "u4" -> b.getInt(at) & 0xFFFFFFFFL;
            case "i4" -> b.getInt(at);
            case "u8", "i8" -> b.getLong(at);
            case "f4" -> b.getFloat(at);
            case "f8" -> b.getDouble(at);
            default -> throw new IllegalStateException(dtype);
        };
    }

    /** The values as ints; {@code what} names the array in the error when a value is not an exact int. */
    public int[] toIntArray(String what) {
        int[] out = new int[Math.toIntExact(size())];
        for (int i = 0; i < out.length; i++) {
            double v = get(i);
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new LptemException(what + ": element " + i + " is " + v + ", not an integer");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** The serialised {@code .npy} file, format version 1.0, little-endian. */
    public byte[] toBytes() {
        byte[] h = header(dtype, shape);
        return ByteBuffer.allocate(h.length + data.length).put(h).put(data).array();
    }

    /**
     * The {@code .npy} 1.0 preamble (magic, version, header dictionary) for an array of {@code dtype} and
     * {@code shape}, whose little-endian C-order data follows it; apart so data too large for one array can be streamed
     * after it.
     */
    static byte[] header(String dtype, long... shape) {
        char order = itemSize(dtype) == 1 ? '|' : '<';
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? shape[0] + "," : shape.length == 0 ? ""
                : dims.substring(0, dims.length() - 2);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT,
                "{'descr': '%c%s', 'fortran_order': False, 'shape': (%s), }", order, dtype, shapeText));
        int total = MAGIC.length + 4 + header.length() + 1;
        while (total % ALIGN != 0) {
            header.append(' ');
            total++;
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + h.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        return out.array();
    }

    /**
     * Parses a {@code .npy} file.
     *
     * @param source names the file (and entry) in errors
     * @throws LptemException naming {@code source} for a bad magic, header, dtype, Fortran order or truncated data
     */
    public static NpyArray parse(byte[] bytes, String source) {
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new LptemException(source, -1, "not a .npy array (no \\x93NUMPY magic)", null);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6] & 0xFF;
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xFFFF;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new LptemException(source, -1, "truncated .npy header", null);
            }
            headerLength = b.getInt(8) & 0xFFFFFFFFL;
            headerStart = 12;
        } else {
            throw new LptemException(source, -1, ".npy format version " + major + "." + (bytes[7] & 0xFF)
                    + " is not supported (1.0 to 3.0 are)", null);
        }
        if (headerStart + headerLength > bytes.length) {
            throw new LptemException(source, -1, "truncated .npy header (declares " + headerLength + " bytes, "
                    + (bytes.length - headerStart) + " present)", null);
        }
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
            throw new LptemException(source, -1, "the .npy header is not a numpy header dictionary: "
                    + header.strip(), null);
        }
        String dtype = descr.group(2) + descr.group(3);
        if (!isSupported(dtype)) {
            throw new LptemException(source, -1, "dtype '" + descr.group(1) + dtype + "' is not supported (bool, "
                    + "integers and float32/64 are)", null);
        }
        if (fortran.group(1).equals("True")) {
            throw new LptemException(source, -1, "Fortran-ordered arrays are not supported", null);
        }
        long[] shape = parseShape(shapeMatch.group(1), source);
        int size = itemSize(dtype);
        long count = count(shape);
        long start = headerStart + headerLength;
        if (count > (bytes.length - start) / size || count * size != bytes.length - start) {
            throw new LptemException(source, -1, "the data does not fit shape " + Arrays.toString(shape) + " of "
                    + dtype + ": needs " + (count > Long.MAX_VALUE / size ? "more" : String.valueOf(count * size))
                    + " bytes, has " + (bytes.length - start) + (bytes.length - start < count * size ? " (truncated)"
                    : ""), null);
        }
        byte[] data = Arrays.copyOfRange(bytes, (int) start, bytes.length);
        if (descr.group(1).equals(">") && size > 1) {
            reverseEach(data, size);
        }
        return new NpyArray(dtype, shape, data);
    }

    private static long[] parseShape(String text, String source) {
        String[] parts = text.split(",");
        long[] dims = new long[parts.length];
        int n = 0;
        for (String p : parts) {
            String t = p.strip();
            if (t.isEmpty()) {
                continue;
            }
            try {
                dims[n] = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
            } catch (NumberFormatException e) {
                throw new LptemException(source, -1, "bad dimension '" + t + "' in the .npy shape (" + text + ")",
                        e);
            }
            if (dims[n] < 0) {
                throw new LptemException(source, -1, "negative dimension in the .npy shape (" + text + ")", null);
            }
            n++;
        }
        return Arrays.copyOf(dims, n);
    }

    private static void reverseEach(byte[] data, int size) {
        for (int at = 0; at < data.length; at += size) {
            for (int i = 0; i < size / 2; i++) {
                byte t = data[at + i];
                data[at + i] = data[at + size - 1 - i];
                data[at + size - 1 - i] = t;
            }
        }
    }

    private static boolean isSupported(String dtype) {
        return switch (dtype) {
            case "b1", "u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f4", "f8" -> true;
            default -> false;
        };
    }

    private static int itemSize(String dtype) {
        if (!isSupported(dtype)) {
            throw new IllegalArgumentException("unsupported dtype " + dtype);
        }
        return Integer.parseInt(dtype.substring(1));
    }

    private static long count(long[] shape) {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            count = d == 0 ? 0 : (count > Long.MAX_VALUE / d ? Long.MAX_VALUE : count * d);
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.dtype.equals(dtype) && Arrays.equals(a.shape, shape)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
