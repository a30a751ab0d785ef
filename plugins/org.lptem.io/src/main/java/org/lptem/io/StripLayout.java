package org.lptem.io;

/** Where the strips of one uncompressed page lie, checked against the file before anything is allocated. */
final class StripLayout {
    private final long[] offsets;
    private final long rowsPerStrip;
    private final long rowBytes;
    private final int height;

    private StripLayout(long[] offsets, long rowsPerStrip, long rowBytes, int height) {
        this.offsets = offsets;
        this.rowsPerStrip = rowsPerStrip;
        this.rowBytes = rowBytes;
        this.height = height;
    }

    static StripLayout of(TiffInput in, Ifd ifd, PageFormat f, int frame) {
        long rowBytes = (long) f.width() * f.samplesPerPixel() * f.bytesPerSample();
        long rps = ifd.longValue(TiffTags.ROWS_PER_STRIP, "RowsPerStrip", f.height());
        if (rps <= 0 || rps > f.height()) {
            rps = f.height(); // 2^32-1 is the standard's "one strip"; nonsense values mean the same in practice
        }
        int count = (int) ((f.height() + rps - 1) / rps);
        long[] offsets = ifd.longs(TiffTags.STRIP_OFFSETS, "StripOffsets");
        if (offsets.length < count) {
            throw in.error(frame, "has " + offsets.length + " strip offsets but " + f.height() + " rows in strips of "
                    + rps + " rows need " + count);
        }
        long[] counts = ifd.has(TiffTags.STRIP_BYTE_COUNTS) ? ifd.longs(TiffTags.STRIP_BYTE_COUNTS,
                "StripByteCounts") : null;
        StripLayout layout = new StripLayout(offsets, rps, rowBytes, f.height());
        for (int k = 0; k < count; k++) {
            long length = layout.length(k);
            if (counts != null && k < counts.length && counts[k] < length) {
                throw in.error(frame, "strip " + k + " holds " + counts[k] + " bytes but " + length / rowBytes
                        + " rows of " + f.describe() + " need " + length + " (truncated or corrupt)");
            }
            in.checkRange(offsets[k], length, frame, "pixel data of strip " + k);
        }
        return layout;
    }

    int count() {
        return (int) ((height + rowsPerStrip - 1) / rowsPerStrip);
    }

    long offset(int strip) {
        return offsets[strip];
    }

    long length(int strip) {
        long rows = Math.min(rowsPerStrip, height - strip * rowsPerStrip);
        return rows * rowBytes;
    }

    /** Where the page's pixels start if its strips follow each other without gaps, else -1. */
    long contiguousStart() {
        for (int k = 1; k < count(); k++) {
            if (offsets[k] != offsets[k - 1] + length(k - 1)) {
                return -1;
            }
        }
        return offsets[0];
    }

    /** Reads the whole page into one array, strip after strip. */
    byte[] read(TiffInput in, int frame) {
        byte[] data = new byte[(int) ((long) height * rowBytes)];
        for (int k = 0; k < count(); k++) {
            in.readFully(offsets[k], data, (int) (k * rowsPerStrip * rowBytes), (int) length(k), frame,
                    "pixel data of strip " + k);
        }
        return data;
    }
}
