package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.lptem.core.Frame;
import org.lptem.core.PixelType;

/** Conversions between a frame's samples and the raw bytes of an uncompressed TIFF page. */
final class SampleCodec {
    private SampleCodec() {
    }

    /**
     * Decodes interleaved samples ({@code samplesPerPixel} per pixel, {@code bytesPerSample} each) into a frame of
     * {@code type}: grey keeps sample 0 (an alpha or extra channel is dropped), RGB becomes luminance.
     */
    static Frame decode(byte[] data, ByteOrder order, int width, int height, int samplesPerPixel,
            int bytesPerSample, boolean rgb, PixelType type) {
        if (rgb) {
            return luminance(data, order, width, height, samplesPerPixel, bytesPerSample, type);
        }
        byte[] grey = samplesPerPixel == 1 ? data : firstSample(data, width * height, samplesPerPixel, bytesPerSample);
        if (type == PixelType.UINT8) {
            return Frame.ofBytes(width, height, grey); // no copy: the array is the frame's
        }
        return grey(ByteBuffer.wrap(grey).order(order), width, height, bytesPerSample, type);
    }

    /**
     * Decodes one sample per pixel from {@code buf} (from its position, in its byte order) into a new frame of
     * {@code type}; 8-bit samples decoded to a 16-bit type are signed and widen with their sign.
     */
    static Frame grey(ByteBuffer buf, int width, int height, int bytesPerSample, PixelType type) {
        return grey(buf, width, height, bytesPerSample, type, null);
    }

    /** As {@link #grey(ByteBuffer, int, int, int, PixelType)}, into {@code reuse} when it has the frame's shape. */
    static Frame grey(ByteBuffer buf, int width, int height, int bytesPerSample, PixelType type, Frame reuse) {
        int n = width * height;
        Object into = reuse != null && reuse.hasShape(width, height, type) ? reuse.samples() : null;
        Frame decoded = switch (type) {
            case UINT8 -> {
                byte[] b = into != null ? (byte[]) into : new byte[n];
                buf.get(buf.position(), b);
                yield Frame.ofBytes(width, height, b);
            }
            case INT16, UINT16 -> {
                short[] s = into != null ? (short[]) into : new short[n];
                if (bytesPerSample == 1) {
                    int p = buf.position();
                    for (int i = 0; i < n; i++) {
                        s[i] = buf.get(p + i); // signed 8-bit, widened with its sign
                    }
                } else {
                    buf.asShortBuffer().get(s);
                }
                yield Frame.ofShorts(width, height, s, type.isSigned());
            }
            case INT32, UINT32 -> {
                int[] s = into != null ? (int[]) into : new int[n];
                buf.asIntBuffer().get(s);
                yield Frame.ofInts(width, height, s, type.isSigned());
            }
            case FLOAT32 -> {
                float[] s = into != null ? (float[]) into : new float[n];
                buf.asFloatBuffer().get(s);
                yield Frame.ofFloats(width, height, s);
            }
        };
        return into != null ? reuse : decoded;
    }

    private static byte[] firstSample(byte[] data, int pixels, int samplesPerPixel, int bytesPerSample) {
        byte[] out = new byte[pixels * bytesPerSample];
        int stride = samplesPerPixel * bytesPerSample;
        for (int i = 0; i < pixels; i++) {
            System.arraycopy(data, i * stride, out, i * bytesPerSample, bytesPerSample);
        }
        return out;
    }

    private static Frame luminance(byte[] data, ByteOrder order, int width, int height, int samplesPerPixel,
            int bytesPerSample, PixelType type) {
        int n = width * height;
        Frame f = Frame.blank(width, height, type);
        ByteBuffer buf = ByteBuffer.wrap(data).order(order);
        int stride = samplesPerPixel * bytesPerSample;
        for (int i = 0; i < n; i++) {
            int p = i * stride;
            int r = sample(buf, p, bytesPerSample);
            int g = sample(buf, p + bytesPerSample, bytesPerSample);
            int b = sample(buf, p + 2 * bytesPerSample, bytesPerSample);
            f.set(i, Grey.luma(r, g, b));
        }
        return f;
    }

    private static int sample(ByteBuffer buf, int pos, int bytesPerSample) {
        return bytesPerSample == 1 ? buf.get(pos) & 0xFF : buf.getShort(pos) & 0xFFFF;
    }

    /** The frame's samples as uncompressed TIFF bytes in {@code out}'s byte order; {@code out} is cleared first. */
    static void encode(Frame frame, ByteBuffer out) {
        out.clear();
        Object s = frame.samples();
        switch (frame.type()) {
            case UINT8 -> out.put((byte[]) s);
            case INT16, UINT16 -> out.asShortBuffer().put((short[]) s);
            case INT32, UINT32 -> out.asIntBuffer().put((int[]) s);
            case FLOAT32 -> out.asFloatBuffer().put((float[]) s);
        }
        out.position(0).limit(frame.width() * frame.height() * frame.type().bytesPerPixel());
    }

    /** TIFF SampleFormat code of a pixel type. */
    static int sampleFormat(PixelType type) {
        if (type.isFloatingPoint()) {
            return TiffTags.SAMPLE_FORMAT_FLOAT;
        }
        return type.isSigned() ? TiffTags.SAMPLE_FORMAT_INT : TiffTags.SAMPLE_FORMAT_UINT;
    }
}
