package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.lptem.core.Frame;
import org.lptem.core.PixelType;

/**
 * How one pixel is stored in an uncompressed plane of a microscope file (DM, MRC, SER, EMD), and the frame type it
 * becomes. Every integer type and float16 convert exactly (signed 8-bit widens to INT16, float16 to FLOAT32);
 * float64 is rounded to float32, the widest type a frame holds; RGB becomes luminance.
 */
enum StoredSample {
    UINT8(1, PixelType.UINT8, "8-bit unsigned integer"),
    INT8(1, PixelType.INT16, "8-bit signed integer"),
    INT16(2, PixelType.INT16, "16-bit signed integer"),
    UINT16(2, PixelType.UINT16, "16-bit unsigned integer"),
    INT32(4, PixelType.INT32, "32-bit signed integer"),
    UINT32(4, PixelType.UINT32, "32-bit unsigned integer"),
    FLOAT16(2, PixelType.FLOAT32, "16-bit float"),
    FLOAT32(4, PixelType.FLOAT32, "32-bit float"),
    FLOAT64(8, PixelType.FLOAT32, "64-bit float"),
    /** 4 bytes read as one integer in the file's byte order: 0x..RRGGBB (Gatan's RGB images). */
    RGB32(4, PixelType.UINT8, "32-bit RGB"),
    /** 64-bit integers become floats: exact up to 2^24, rounded to 24 significant bits above (counts never get there). */
    INT64(8, PixelType.FLOAT32, "64-bit signed integer"),
    UINT64(8, PixelType.FLOAT32, "64-bit unsigned integer"),
    /** Complex samples (real, imaginary) become their magnitude, what a viewer shows of a complex image. */
    COMPLEX_INT16(4, PixelType.FLOAT32, "complex 16-bit integers (shown as magnitude)"),
    COMPLEX_FLOAT32(8, PixelType.FLOAT32, "complex 32-bit floats (shown as magnitude)"),
    COMPLEX_FLOAT64(16, PixelType.FLOAT32, "complex 64-bit floats (shown as magnitude)");

    private final int bytes;
    private final PixelType frameType;
    private final String label;

    StoredSample(int bytes, PixelType frameType, String label) {
        this.bytes = bytes;
        this.frameType = frameType;
        this.label = label;
    }

    int bytes() {
        return bytes;
    }

    /** The type of the frames decoded from these samples. */
    PixelType frameType() {
        return frameType;
    }

    String label() {
        return label;
    }

    /** Decodes {@code width x height} samples from {@code buf}'s position on, in {@code buf}'s byte order. */
    Frame decode(ByteBuffer buf, int width, int height) {
        return decode(buf, width, height, null);
    }

    /** As {@link #decode(ByteBuffer, int, int)}, into {@code reuse} where the samples are stored as decoded. */
    Frame decode(ByteBuffer buf, int width, int height, Frame reuse) {
        int n = width * height;
        int p = buf.position();
        return switch (this) {
            case UINT8, INT8, INT16, UINT16, INT32, UINT32, FLOAT32 ->
                    SampleCodec.grey(buf, width, height, bytes, frameType, reuse);
            case FLOAT16 -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = halfToFloat(buf.getShort(p + 2 * i));
                }
                yield Frame.ofFloats(width, height, f);
            }
            case FLOAT64 -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) buf.getDouble(p + 8 * i);
                }
                yield Frame.ofFloats(width, height, f);
            }
            case INT64, UINT64, COMPLEX_INT16, COMPLEX_FLOAT32, COMPLEX_FLOAT64 -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = wideSample(buf, p + bytes * i);
                }
                yield Frame.ofFloats(width, height, f);
            }
            case RGB32 -> {
                byte[] grey = new byte[n];
                for (int i = 0; i < n; i++) {
                    int v = buf.getInt(p + 4 * i);
                    grey[i] = (byte) Grey.luma((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
                }
                yield Frame.ofBytes(width, height, grey);
            }
        };
    }

    /** One sample of the types that only fit a float frame, at byte {@code at}. */
    private float wideSample(ByteBuffer buf, int at) {
        return switch (this) {
            case INT64 -> (float) buf.getLong(at);
            case UINT64 -> {
                long v = buf.getLong(at);
                yield v >= 0 ? (float) v : (float) ((v >>> 1) * 2.0 + (v & 1));
            }
            case COMPLEX_INT16 -> (float) Math.hypot(buf.getShort(at), buf.getShort(at + 2));
            case COMPLEX_FLOAT32 -> (float) Math.hypot(buf.getFloat(at), buf.getFloat(at + 4));
            case COMPLEX_FLOAT64 -> (float) Math.hypot(buf.getDouble(at), buf.getDouble(at + 8));
            default -> throw new IllegalStateException(name() + " is decoded elsewhere");
        };
    }

    /** Decodes {@code width x height} samples from the start of {@code data}. */
    Frame decode(byte[] data, ByteOrder order, int width, int height) {
        return decode(ByteBuffer.wrap(data).order(order), width, height);
    }

    /** IEEE 754 binary16 to binary32; every half value, subnormals, infinities and NaN included, is exact. */
    static float halfToFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa x 2^-24, exact in float
            float v = mantissa * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
