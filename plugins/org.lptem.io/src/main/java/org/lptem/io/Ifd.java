package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One image file directory, read with a single bounded read. Values that do not fit in an entry are read only when
 * asked for, so walking a long IFD chain touches a few hundred bytes per page.
 */
final class Ifd {
    /** No directory description is ever this long; a larger count means the offset points into pixel data. */
    private static final int MAX_ENTRIES = 4096;

    private final TiffInput in;
    private final int page;
    private final ByteBuffer block;
    private final int entryCount;
    private final int entrySize;
    private final int countSize;
    private final long nextOffset;

    private Ifd(TiffInput in, int page, ByteBuffer block, int entryCount, long nextOffset) {
        this.in = in;
        this.page = page;
        this.block = block;
        this.entryCount = entryCount;
        this.entrySize = in.isBigTiff() ? 20 : 12;
        this.countSize = in.isBigTiff() ? 8 : 2;
        this.nextOffset = nextOffset;
    }

    /** Reads the directory at {@code offset}; {@code page} only labels error messages. */
    static Ifd read(TiffInput in, long offset, int page) {
        boolean big = in.isBigTiff();
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        int pointerSize = big ? 8 : 4;
        String what = "image directory";
        ByteBuffer head = in.read(offset, countSize, page, what);
        long count = big ? head.getLong(0) : head.getShort(0) & 0xFFFF;
        if (count < 1 || count > MAX_ENTRIES) {
            throw in.error(page, what + " at offset " + offset + " declares " + Long.toUnsignedString(count)
                    + " entries (corrupt directory offset?)");
        }
        int n = (int) count;
        ByteBuffer block = in.read(offset, countSize + n * entrySize + pointerSize, page, what);
        int nextPos = countSize + n * entrySize;
        long next = big ? block.getLong(nextPos) : block.getInt(nextPos) & 0xFFFFFFFFL;
        return new Ifd(in, page, block, n, next);
    }

    int page() {
        return page;
    }

    /** Offset of the next directory in the chain, 0 at the end. */
    long nextOffset() {
        return nextOffset;
    }

    boolean has(int tag) {
        return find(tag) >= 0;
    }

    private int find(int tag) {
        for (int i = 0; i < entryCount; i++) {
            if ((block.getShort(countSize + i * entrySize) & 0xFFFF) == tag) {
                return countSize + i * entrySize;
            }
        }
        return -1;
    }

    private int type(int pos) {
        return block.getShort(pos + 2) & 0xFFFF;
    }

    private long count(int pos) {
        return in.isBigTiff() ? block.getLong(pos + 4) : block.getInt(pos + 4) & 0xFFFFFFFFL;
    }

    /** The entry's values as raw bytes in file order: inline from the entry, or read from their offset. */
    private ByteBuffer values(int tag, int pos, String name) {
        int type = type(pos);
        int size = TiffTags.typeSize(type);
        if (size == 0) {
            throw in.error(page, name + " (tag " + tag + ") has unknown field type " + type);
        }
        long count = count(pos);
        // A count larger than the file can hold is corrupt; the check comes before any allocation.
        if (count > in.length() / size + 1 || count * size > Integer.MAX_VALUE - 8) {
            throw in.error(page, name + " (tag " + tag + ") declares " + Long.toUnsignedString(count)
                    + " values, more than the file (" + in.length() + " bytes) can hold");
        }
        int bytes = (int) (count * size);
        int valueField = in.isBigTiff() ? 8 : 4;
        int valuePos = pos + (in.isBigTiff() ? 12 : 8);
        if (bytes <= valueField) {
            ByteBuffer inline = block.duplicate().order(block.order());
            inline.limit(valuePos + bytes).position(valuePos);
            return inline.slice().order(block.order());
        }
        long offset = in.isBigTiff() ? block.getLong(valuePos) : block.getInt(valuePos) & 0xFFFFFFFFL;
        return in.read(offset, bytes, page, name + " (tag " + tag + ") values");
    }

    /** All values of an integer entry, unsigned types widened without sign. */
    long[] longs(int tag, String name) {
        int pos = find(tag);
        if (pos < 0) {
            throw in.error(page, "the TIFF tag " + name + " (" + tag + ") is missing");
        }
        int type = type(pos);
        ByteBuffer v = values(tag, pos, name);
        int size = TiffTags.typeSize(type);
        long[] out = new long[v.remaining() / size];
        for (int i = 0; i < out.length; i++) {
            int p = i * size;
            out[i] = switch (type) {
                case TiffTags.TYPE_BYTE, TiffTags.TYPE_UNDEFINED -> v.get(p) & 0xFF;
                case TiffTags.TYPE_SBYTE -> v.get(p);
                case TiffTags.TYPE_SHORT -> v.getShort(p) & 0xFFFF;
                case TiffTags.TYPE_SSHORT -> v.getShort(p);
                case TiffTags.TYPE_LONG, TiffTags.TYPE_IFD -> v.getInt(p) & 0xFFFFFFFFL;
                case TiffTags.TYPE_SLONG -> v.getInt(p);
                case TiffTags.TYPE_LONG8, TiffTags.TYPE_SLONG8, TiffTags.TYPE_IFD8 -> v.getLong(p);
                default -> throw in.error(page, name + " (tag " + tag + ") has non-integer field type " + type);
            };
        }
        return out;
    }

    /** The first value of an integer entry, or {@code fallback} when the entry is absent. */
    long longValue(int tag, String name, long fallback) {
        if (!has(tag)) {
            return fallback;
        }
        long[] v = longs(tag, name);
        if (v.length == 0) {
            throw in.error(page, "the TIFF tag " + name + " (" + tag + ") has no value");
        }
        return v[0];
    }

    /** Every value of an integer entry must be the same (e.g. BitsPerSample per channel); returns it. */
    long uniformValue(int tag, String name, long fallback) {
        if (!has(tag)) {
            return fallback;
        }
        long[] v = longs(tag, name);
        for (long x : v) {
            if (x != v[0]) {
                throw in.error(page, name + " differs between channels (" + java.util.Arrays.toString(v)
                        + "); only equal channels are supported");
            }
        }
        return v.length == 0 ? fallback : v[0];
    }

    /** A RATIONAL entry's first value as {numerator, denominator}, or null when absent or malformed. */
    long[] rational(int tag, String name) {
        int pos = find(tag);
        if (pos < 0 || type(pos) != TiffTags.TYPE_RATIONAL || count(pos) < 1) {
            return null;
        }
        ByteBuffer v = values(tag, pos, name);
        return new long[] {v.getInt(0) & 0xFFFFFFFFL, v.getInt(4) & 0xFFFFFFFFL};
    }

    /** An ASCII entry up to its first NUL, or null when absent. UTF-8 if valid (ImageJ's µ), else Latin-1. */
    String ascii(int tag, String name) {
        int pos = find(tag);
        if (pos < 0) {
            return null;
        }
        ByteBuffer v = values(tag, pos, name);
        byte[] bytes = new byte[v.remaining()];
        v.get(bytes);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The first entry whose values lie outside the file, described, or null when all are inside. Our own reads check
     * every offset; this guards third-party decoders that read every entry of every directory.
     */
    String firstOutOfRangeEntry() {
        int valueField = in.isBigTiff() ? 8 : 4;
        for (int i = 0; i < entryCount; i++) {
            int pos = countSize + i * entrySize;
            int size = TiffTags.typeSize(type(pos));
            long count = count(pos);
            if (size == 0 || count < 0 || count > in.length()) {
                if (size != 0) {
                    return "tag " + (block.getShort(pos) & 0xFFFF) + " declares " + Long.toUnsignedString(count)
                            + " values";
                }
                continue;
            }
            long bytes = count * size;
            if (bytes > valueField) {
                int valuePos = pos + (in.isBigTiff() ? 12 : 8);
                long offset = in.isBigTiff() ? block.getLong(valuePos) : block.getInt(valuePos) & 0xFFFFFFFFL;
                if (offset < 0 || offset > in.length() || bytes > in.length() - offset) {
                    return "tag " + (block.getShort(pos) & 0xFFFF) + " has " + bytes + " bytes of values at offset "
                            + Long.toUnsignedString(offset) + ", beyond the end of the file";
                }
            }
        }
        return null;
    }
}
