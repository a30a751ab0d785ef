package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.lptem.core.Calibration;
import org.lptem.core.Video;

/**
 * TIA series files (.ser, FEI/Thermo Fisher), from the published description of the format (C. Boothroyd's notes).
 * Little-endian. Header: byte order {@code II}, series id 0x0197, version (0x0210: 32-bit offsets, 0x0220: 64-bit),
 * data type (0x4122 images, 0x4120 spectra), tag type, total and valid element counts, the offset of the offset
 * table, then the series dimensions (size, calibration, description and unit each). The offset table lists where
 * each element (frame) starts; an element is its x and y calibration (offset, delta in metres, element), a data type,
 * its size, then its pixels, stored bottom row first (TIA's origin is the bottom left, as ncempy reads it).
 */
final class SerFile {
    private static final int IMAGES = 0x4122;
    private static final int SPECTRA = 0x4120;
    /** Calibration x, calibration y, data type, width, height. */
    private static final int ELEMENT_HEADER = 50;

    private SerFile() {
    }

    static Video open(Path path) {
        BinaryInput in = BinaryInput.open(path, ByteOrder.LITTLE_ENDIAN);
        try {
            return open(path, in);
        } catch (RuntimeException e) {
            BinaryInput.closeQuietly(in);
            throw e;
        }
    }

    private static Video open(Path path, BinaryInput in) {
        ByteWindow w = new ByteWindow(in);
        String header = "SER header";
        int version = w.u16(4, ByteOrder.LITTLE_ENDIAN, header);
        if (version != 0x0210 && version != 0x0220) {
            throw in.error(-1, "SER version 0x" + Integer.toHexString(version) + " is not supported (0x210 and "
                    + "0x220 are)");
        }
        boolean wide = version == 0x0220;
        int dataType = w.i32(6, ByteOrder.LITTLE_ENDIAN, header);
        if (dataType == SPECTRA) {
            throw in.error(-1, "the SER file holds spectra (1D data), not images");
        }
        if (dataType != IMAGES) {
            throw in.error(-1, "SER data type 0x" + Integer.toHexString(dataType) + " is not 0x4122 (images)");
        }
        long total = w.i32(14, ByteOrder.LITTLE_ENDIAN, header);
        long valid = w.i32(18, ByteOrder.LITTLE_ENDIAN, header);
        long table = wide ? w.i64(22, ByteOrder.LITTLE_ENDIAN, header) : w.i32(22, ByteOrder.LITTLE_ENDIAN, header)
                & 0xFFFFFFFFL;
        if (valid < 1 || total < valid) {
            throw in.error(-1, "SER header declares " + valid + " valid of " + total + " elements");
        }
        int offsetSize = wide ? 8 : 4;
        in.checkRange(table, total * offsetSize * 2, -1, "SER offset table (" + total + " elements)");
        long[] offsets = offsets(in, table, (int) valid, offsetSize);
        OptionalDouble frameTime = seriesTimeStep(w, wide ? 34 : 30, w.i32(wide ? 30 : 26, ByteOrder.LITTLE_ENDIAN,
                header));
        ByteBuffer first = element(in, offsets[0], 0);
        long width = first.getInt(42);
        long height = first.getInt(46);
        StoredSample sample = sample(in, first.getShort(40));
        double nm = first.getDouble(8) * 1e9;
        if (frameTime.isEmpty()) {
            frameTime = EmiFile.frameTime(path);
        }
        Calibration calibration = new Calibration(nm > 0 && Double.isFinite(nm) ? OptionalDouble.of(nm)
                : OptionalDouble.empty(), frameTime);
        PlaneVideo.checkShape(in, width, height, sample, "the first SER element");
        long frameBytes = width * height * sample.bytes();
        PlaneVideo.Locator locator = i -> {
            ByteBuffer e = i == 0 ? first : element(in, offsets[i], i);
            if (e.getInt(42) != width || e.getInt(46) != height || e.getShort(40) != first.getShort(40)) {
                throw in.error(i, "is a " + e.getInt(42) + " x " + e.getInt(46) + " element of SER data type "
                        + e.getShort(40) + " but frame 0 is " + width + " x " + height + " of type "
                        + first.getShort(40));
            }
            in.checkRange(offsets[i] + ELEMENT_HEADER, frameBytes, i, "pixel data");
            return offsets[i] + ELEMENT_HEADER;
        };
        return PlaneVideo.located(in, "ser", (int) valid, width, height, sample, ByteOrder.LITTLE_ENDIAN, locator,
                true, calibration, "the first SER element");
    }

    private static long[] offsets(BinaryInput in, long table, int count, int size) {
        ByteBuffer b = in.read(table, count * size, -1, "SER offset table");
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = size == 8 ? b.getLong(i * 8) : b.getInt(i * 4) & 0xFFFFFFFFL;
        }
        return out;
    }

    private static ByteBuffer element(BinaryInput in, long offset, int frame) {
        return in.read(offset, ELEMENT_HEADER, frame, "SER element header");
    }

    /** TIA's data type codes. */
    private static StoredSample sample(BinaryInput in, int code) {
        return switch (code) {
            case 1 -> StoredSample.UINT8;
            case 2 -> StoredSample.UINT16;
            case 3 -> StoredSample.UINT32;
            case 4 -> StoredSample.INT8;
            case 5 -> StoredSample.INT16;
            case 6 -> StoredSample.INT32;
            case 7 -> StoredSample.FLOAT32;
            case 8 -> StoredSample.FLOAT64;
            case 9 -> StoredSample.COMPLEX_FLOAT32;
            case 10 -> StoredSample.COMPLEX_FLOAT64;
            default -> throw in.error(-1, "SER data type " + code + " is not supported (integer, real and complex "
                    + "images are)");
        };
    }

    /**
     * The step of a one-dimensional series whose unit is a time (a time series); empty for a plain "Number" series.
     * Each dimension: size (int32), calibration offset and delta (float64), calibration element (int32), description
     * length (int32) and text, unit length (int32) and text.
     */
    private static OptionalDouble seriesTimeStep(ByteWindow w, long pos, int dimensions) {
        if (dimensions != 1) {
            return OptionalDouble.empty();
        }
        String what = "SER series dimension";
        double delta = Double.longBitsToDouble(w.i64(pos + 12, ByteOrder.LITTLE_ENDIAN, what));
        long descriptionLength = w.i32(pos + 24, ByteOrder.LITTLE_ENDIAN, what);
        if (descriptionLength < 0 || descriptionLength > 1024) {
            return OptionalDouble.empty();
        }
        long unitPos = pos + 28 + descriptionLength;
        int unitLength = w.i32(unitPos, ByteOrder.LITTLE_ENDIAN, what);
        if (unitLength < 0 || unitLength > 64) {
            return OptionalDouble.empty();
        }
        String unit = new String(w.bytes(unitPos + 4, unitLength, what), java.nio.charset.StandardCharsets.ISO_8859_1);
        double seconds = delta * ImageJDescription.timeUnitInSeconds(unit);
        return seconds > 0 && Double.isFinite(seconds) ? OptionalDouble.of(seconds) : OptionalDouble.empty();
    }
}
