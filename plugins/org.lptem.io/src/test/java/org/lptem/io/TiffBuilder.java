package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes TIFF files byte by byte, independently of {@link TiffStackWriter}, in the layouts other programs produce,
 * so the reader is tested against files it did not write.
 */
final class TiffBuilder {
    enum Layout {
        /** Python tifffile: each page's directory, then its values and its pixel data. */
        PER_PAGE,
        /** ImageJ: first directory and its values, all pixel data back to back, then the other directories. */
        IMAGEJ
    }

    private record Page(long width, int height, Object samples, int subfileType) {
    }

    private record Entry(int tag, int type, long count, byte[] payload) {
    }

    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean bigTiff;
    private Layout layout = Layout.PER_PAGE;
    private int bits = 16;
    private int sampleFormat = 1;
    private int samplesPerPixel = 1;
    private int photometric = 1;
    private int compression = 1;
    private long rowsPerStrip;
    private String description;
    private long[] resolution;
    private Integer resolutionUnit;
    private boolean trailingDirectories = true;
    private boolean reverseStrips;
    private final List<Page> pages = new ArrayList<>();

    /** tifffile's defaults: little-endian, one directory and its data per page. */
    static TiffBuilder tifffile() {
        return new TiffBuilder();
    }

    /** ImageJ's: big-endian, all pixel data after the first directory. */
    static TiffBuilder imageJ() {
        TiffBuilder b = new TiffBuilder();
        b.order = ByteOrder.BIG_ENDIAN;
        b.layout = Layout.IMAGEJ;
        return b;
    }

    TiffBuilder order(ByteOrder o) {
        order = o;
        return this;
    }

    TiffBuilder bigTiff() {
        bigTiff = true;
        return this;
    }

    TiffBuilder samples(int bitsPerSample, int format) {
        bits = bitsPerSample;
        sampleFormat = format;
        return this;
    }

    TiffBuilder rgb() {
        samplesPerPixel = 3;
        photometric = 2;
        return this;
    }

    TiffBuilder compression(int c) {
        compression = c;
        return this;
    }

    /** PhotometricInterpretation 0: the stored value 0 is white. */
    TiffBuilder minIsWhite() {
        photometric = 0;
        return this;
    }

    TiffBuilder rowsPerStrip(long rows) {
        rowsPerStrip = rows;
        return this;
    }

    TiffBuilder reverseStrips() {
        reverseStrips = true;
        return this;
    }

    TiffBuilder description(String d) {
        description = d;
        return this;
    }

    TiffBuilder resolution(long numerator, long denominator) {
        resolution = new long[] {numerator, denominator};
        return this;
    }

    TiffBuilder resolutionUnit(int unit) {
        resolutionUnit = unit;
        return this;
    }

    /** ImageJ beyond 4 GB: only the first directory, the count comes from {@code images=N}. */
    TiffBuilder withoutTrailingDirectories() {
        trailingDirectories = false;
        return this;
    }

    /** A page declaring {@code width x height}; {@code samples} is a byte[], short[], int[] or float[]. */
    TiffBuilder page(long width, int height, Object samples) {
        pages.add(new Page(width, height, samples, 0));
        return this;
    }

    /** A reduced-resolution page (a preview), which is not a frame. */
    TiffBuilder thumbnail(int width, int height, Object samples) {
        pages.add(new Page(width, height, samples, 1));
        return this;
    }

    Path writeTo(Path file) throws Exception {
        Files.write(file, build());
        return file;
    }

    byte[] build() {
        Sink out = new Sink(order, bigTiff);
        out.bytes(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        out.u16(bigTiff ? 43 : 42);
        if (bigTiff) {
            out.u16(8);
            out.u16(0);
        }
        int pointer = out.pos();
        out.offset(0);
        if (layout == Layout.IMAGEJ) {
            int[] stripPatch = new int[1];
            pointer = directory(out, 0, pointer, stripPatch);
            long[] dataStart = new long[pages.size()];
            for (int i = 0; i < pages.size(); i++) {
                dataStart[i] = out.pos();
                writeStrips(out, pages.get(i), dataStart[i]);
            }
            patchStrips(out, stripPatch[0], 0, dataStart[0]);
            if (trailingDirectories) {
                for (int i = 1; i < pages.size(); i++) {
                    pointer = directory(out, i, pointer, stripPatch);
                    patchStrips(out, stripPatch[0], i, dataStart[i]);
                }
            }
        } else {
            for (int i = 0; i < pages.size(); i++) {
                int[] stripPatch = new int[1];
                pointer = directory(out, i, pointer, stripPatch);
                out.align();
                long start = out.pos();
                writeStrips(out, pages.get(i), start);
                patchStrips(out, stripPatch[0], i, start);
            }
        }
        return out.toArray();
    }

    private long rowBytes(Page p) {
        return p.width * samplesPerPixel * bits / 8;
    }

    private long rowsPerStrip(Page p) {
        return rowsPerStrip == 0 ? p.height : rowsPerStrip;
    }

    private int stripCount(Page p) {
        return (int) ((p.height + rowsPerStrip(p) - 1) / rowsPerStrip(p));
    }

    /** Byte range [start, end) of strip k within the page's data. */
    private int[] stripRange(Page p, int k, int dataLength) {
        long start = Math.min(dataLength, k * rowsPerStrip(p) * rowBytes(p));
        long end = Math.min(dataLength, (k + 1) * rowsPerStrip(p) * rowBytes(p));
        return new int[] {(int) start, (int) end};
    }

    /** Strip k as stored: its bytes, PackBits-coded when the builder compresses (compression 32773). */
    private byte[] strip(Page p, int k) {
        byte[] data = bytes(p.samples);
        int[] r = stripRange(p, k, data.length);
        byte[] raw = Arrays.copyOfRange(data, r[0], r[1]);
        return compression == 32773 ? packBits(raw) : raw;
    }

    /** PackBits with literal runs only (header n - 1, then n bytes), which every decoder must accept. */
    private static byte[] packBits(byte[] raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < raw.length; i += 128) {
            int n = Math.min(128, raw.length - i);
            out.write(n - 1);
            out.write(raw, i, n);
        }
        return out.toByteArray();
    }

    /** Writes a page's strips (in reverse file order if asked); offsets are patched by the caller. */
    private void writeStrips(Sink out, Page p, long pageStart) {
        int n = stripCount(p);
        for (int j = 0; j < n; j++) {
            out.bytes(strip(p, reverseStrips ? n - 1 - j : j));
        }
    }

    private void patchStrips(Sink out, int at, int page, long pageStart) {
        Page p = pages.get(page);
        int n = stripCount(p);
        long pos = pageStart;
        long[] offsets = new long[n];
        for (int j = 0; j < n; j++) {
            int k = reverseStrips ? n - 1 - j : j;
            offsets[k] = pos;
            pos += strip(p, k).length;
        }
        for (int k = 0; k < n; k++) {
            out.patchOffset(at + k * (bigTiff ? 8 : 4), offsets[k]);
        }
    }

    /**
     * Writes page {@code i}'s directory and its out-of-line values, links it from {@code pointer}, and returns the
     * position of its own next-directory pointer; {@code stripPatch[0]} receives where the strip offsets go.
     */
    private int directory(Sink out, int i, int pointer, int[] stripPatch) {
        Page p = pages.get(i);
        int n = stripCount(p);
        long[] counts = new long[n];
        for (int k = 0; k < n; k++) {
            counts[k] = strip(p, k).length;
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(longs(254, p.subfileType));
        entries.add(longs(256, p.width));
        // SHORT where it fits, LONG for the width: readers must take both
        entries.add(p.height < 65536 ? shorts(257, p.height) : longs(257, p.height));
        entries.add(shorts(258, repeat(bits)));
        entries.add(shorts(259, compression));
        entries.add(shorts(262, photometric));
        if (i == 0 && description != null) {
            byte[] text = (description + "\0").getBytes(StandardCharsets.UTF_8);
            entries.add(new Entry(270, 2, text.length, text));
        }
        entries.add(offsets(273, new long[n]));
        entries.add(shorts(277, samplesPerPixel));
        entries.add(longs(278, rowsPerStrip(p)));
        entries.add(offsets(279, counts));
        if (resolution != null) {
            entries.add(rational(282, resolution));
            entries.add(rational(283, resolution));
        }
        if (resolutionUnit != null) {
            entries.add(shorts(296, resolutionUnit));
        }
        entries.add(shorts(339, repeat(sampleFormat)));

        out.align();
        out.patchOffset(pointer, out.pos());
        int inline = bigTiff ? 8 : 4;
        if (bigTiff) {
            out.u64(entries.size());
        } else {
            out.u16(entries.size());
        }
        int[] valuePos = new int[entries.size()];
        for (int e = 0; e < entries.size(); e++) {
            Entry en = entries.get(e);
            out.u16(en.tag);
            out.u16(en.type);
            out.offset(en.count);
            valuePos[e] = out.pos();
            byte[] field = Arrays.copyOf(en.payload.length <= inline ? en.payload : new byte[0], inline);
            out.bytes(field);
        }
        int next = out.pos();
        out.offset(0);
        for (int e = 0; e < entries.size(); e++) {
            Entry en = entries.get(e);
            int at = valuePos[e];
            if (en.payload.length > inline) {
                out.align();
                out.patchOffset(at, out.pos());
                at = out.pos();
                out.bytes(en.payload);
            }
            if (en.tag == 273) {
                stripPatch[0] = at;
            }
        }
        return next;
    }

    private int[] repeat(int v) {
        int[] r = new int[samplesPerPixel];
        Arrays.fill(r, v);
        return r;
    }

    private Entry shorts(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(order);
        for (int v : values) {
            b.putShort((short) v);
        }
        return new Entry(tag, 3, values.length, b.array());
    }

    private Entry longs(int tag, long... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (long v : values) {
            b.putInt((int) v);
        }
        return new Entry(tag, 4, values.length, b.array());
    }

    /** Offsets and byte counts: LONG in TIFF, LONG8 in BigTIFF. */
    private Entry offsets(int tag, long[] values) {
        if (!bigTiff) {
            return longs(tag, values);
        }
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(order);
        for (long v : values) {
            b.putLong(v);
        }
        return new Entry(tag, 16, values.length, b.array());
    }

    private Entry rational(int tag, long[] r) {
        ByteBuffer b = ByteBuffer.allocate(8).order(order).putInt((int) r[0]).putInt((int) r[1]);
        return new Entry(tag, 5, 1, b.array());
    }

    private byte[] bytes(Object samples) {
        if (samples instanceof byte[] b) {
            return b;
        }
        ByteBuffer buf;
        if (samples instanceof short[] s) {
            buf = ByteBuffer.allocate(2 * s.length).order(order);
            buf.asShortBuffer().put(s);
        } else if (samples instanceof int[] s) {
            buf = ByteBuffer.allocate(4 * s.length).order(order);
            buf.asIntBuffer().put(s);
        } else if (samples instanceof float[] s) {
            buf = ByteBuffer.allocate(4 * s.length).order(order);
            buf.asFloatBuffer().put(s);
        } else if (samples instanceof double[] s) {
            buf = ByteBuffer.allocate(8 * s.length).order(order);
            buf.asDoubleBuffer().put(s);
        } else {
            throw new IllegalArgumentException("unsupported sample array " + samples);
        }
        return buf.array();
    }

    /** A growing byte array with positional patching. */
    private static final class Sink {
        private final ByteOrder order;
        private final boolean big;
        private byte[] buf = new byte[1024];
        private int size;

        Sink(ByteOrder order, boolean big) {
            this.order = order;
            this.big = big;
        }

        int pos() {
            return size;
        }

        void bytes(byte[] b) {
            if (size + b.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void u16(int v) {
            bytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
        }

        void u64(long v) {
            bytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
        }

        /** An offset or count field: 4 bytes in TIFF, 8 in BigTIFF. */
        void offset(long v) {
            bytes(big ? ByteBuffer.allocate(8).order(order).putLong(v).array()
                    : ByteBuffer.allocate(4).order(order).putInt((int) v).array());
        }

        void patchOffset(int at, long v) {
            ByteBuffer b = ByteBuffer.wrap(buf).order(order);
            if (big) {
                b.putLong(at, v);
            } else {
                b.putInt(at, (int) v);
            }
        }

        void align() {
            if ((size & 1) != 0) {
                bytes(new byte[1]);
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
