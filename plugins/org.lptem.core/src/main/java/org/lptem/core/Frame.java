package org.lptem.core;

import java.util.Objects;

/**
 * One decoded image plane. The samples keep the file's type (so conversions can be exact); {@link #get(int)} and
 * {@link #toFloat()} give analysis code one numeric view of every type.
 *
 * <p>Storage per type: UINT8 in {@code byte[]}, INT16/UINT16 in {@code short[]}, INT32/UINT32 in {@code int[]},
 * FLOAT32 in {@code float[]}; unsigned types are read back with masking.
 */
public final class Frame {
    private final int width;
    private final int height;
    private final PixelType type;
    private final Object samples;

    private Frame(int width, int height, PixelType type, Object samples, int length) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + " x " + height);
        }
        if ((long) width * height != length) {
            throw new IllegalArgumentException(
                    "frame of " + width + " x " + height + " needs " + (long) width * height + " samples, got " + length);
        }
        this.width = width;
        this.height = height;
        this.type = type;
        this.samples = samples;
    }

    public static Frame ofBytes(int width, int height, byte[] samples) {
        return new Frame(width, height, PixelType.UINT8, samples, samples.length);
    }

    public static Frame ofShorts(int width, int height, short[] samples, boolean signed) {
        return new Frame(width, height, signed ? PixelType.INT16 : PixelType.UINT16, samples, samples.length);
    }

    public static Frame ofInts(int width, int height, int[] samples, boolean signed) {
        return new Frame(width, height, signed ? PixelType.INT32 : PixelType.UINT32, samples, samples.length);
    }

    public static Frame ofFloats(int width, int height, float[] samples) {
        return new Frame(width, height, PixelType.FLOAT32, samples, samples.length);
    }

    /** An all-zero frame of the given type. */
    public static Frame blank(int width, int height, PixelType type) {
        int n = Math.multiplyExact(width, height);
        return switch (type) {
            case UINT8 -> ofBytes(width, height, new byte[n]);
            case INT16, UINT16 -> ofShorts(width, height, new short[n], type.isSigned());
            case INT32, UINT32 -> ofInts(width, height, new int[n], type.isSigned());
            case FLOAT32 -> ofFloats(width, height, new float[n]);
        };
    }

    /** Whether this frame has the given size and type, so that it can take another's samples in place. */
    public boolean hasShape(int width, int height, PixelType type) {
        return this.width == width && this.height == height && this.type == type;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public PixelType type() {
        return type;
    }

    /** The backing array (byte[], short[], int[] or float[] according to {@link #type()}); not copied. */
    public Object samples() {
        return samples;
    }

    /** Sample at linear index {@code y * width + x}, as a double (unsigned types unmasked to their true value). */
    public double get(int index) {
        return switch (type) {
            case UINT8 -> ((byte[]) samples)[index] & 0xFF;
            case INT16 -> ((short[]) samples)[index];
            case UINT16 -> ((short[]) samples)[index] & 0xFFFF;
            case INT32 -> ((int[]) samples)[index];
            case UINT32 -> ((int[]) samples)[index] & 0xFFFFFFFFL;
            case FLOAT32 -> ((float[]) samples)[index];
        };
    }

    public double get(int x, int y) {
        return get(y * width + x);
    }

    /** Stores {@code value} at {@code index}, rounding and clamping to the type's range for integer types. */
    public void set(int index, double value) {
        switch (type) {
            case UINT8 -> ((byte[]) samples)[index] = (byte) clampRound(value, 0, 255);
            case INT16 -> ((short[]) samples)[index] = (short) clampRound(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT16 -> ((short[]) samples)[index] = (short) clampRound(value, 0, 65535);
            case INT32 -> ((int[]) samples)[index] = (int) clampRound(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32 -> ((int[]) samples)[index] = (int) clampRound(value, 0, 0xFFFFFFFFL);
            case FLOAT32 -> ((float[]) samples)[index] = (float) value;
        }
    }

    private static long clampRound(double v, long min, long max) {
        if (Double.isNaN(v)) {
            return min;
        }
        return Math.max(min, Math.min(max, Math.round(v)));
    }

    /** A new float copy of the samples, the working type of the analysis code. */
    public float[] toFloat() {
        int n = width * height;
        float[] out = new float[n];
        if (type == PixelType.FLOAT32) {
            System.arraycopy(samples, 0, out, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = (float) get(i);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Frame f) || f.width != width || f.height != height || f.type != type) {
            return false;
        }
        return switch (type) {
            case UINT8 -> java.util.Arrays.equals((byte[]) samples, (byte[]) f.samples);
            case INT16, UINT16 -> java.util.Arrays.equals((short[]) samples, (short[]) f.samples);
            case INT32, UINT32 -> java.util.Arrays.equals((int[]) samples, (int[]) f.samples);
            case FLOAT32 -> java.util.Arrays.equals((float[]) samples, (float[]) f.samples);
        };
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, type);
    }

    @Override
    public String toString() {
        return "Frame[" + width + "x" + height + " " + type.label() + "]";
    }
}
