package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.lptem.core.Calibration;
import org.lptem.core.Video;

/**
 * MRC and MRCS files (the MRC2014 standard, older variants included): a 1024-byte header, an extended header of
 * {@code NSYMBT} bytes that we skip, then {@code NZ} sections of {@code NX x NY} pixels, each a frame. The pixel size
 * is the cell length over the sampling, {@code CELLA.x / MX}, in angstroms. The machine stamp says the byte order.
 */
final class MrcFile {
    static final int HEADER = 1024;
    /** IMOD writes this at byte 152; its flags then say whether mode 0 bytes are signed. */
    private static final int IMOD_STAMP = 1146047817;

    private MrcFile() {
    }

    /**
     * True for an MRC header: the {@code MAP } label of MRC2000 and later, or (older files) dimensions and mode that
     * account for the file length exactly.
     */
    static boolean looksLike(byte[] head, long length) {
        if (head.length >= 212 && head[208] == 'M' && head[209] == 'A' && head[210] == 'P' && head[211] == ' ') {
            return true; // even when truncated, so that the reader can say so
        }
        if (head.length < HEADER) {
            return false;
        }
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            ByteBuffer h = ByteBuffer.wrap(head).order(order);
            long nx = h.getInt(0);
            long ny = h.getInt(4);
            long nz = h.getInt(8);
            long extended = h.getInt(92);
            int bytes = modeBytes(h.getInt(12));
            if (nx > 0 && ny > 0 && nz > 0 && extended >= 0 && bytes > 0
                    && HEADER + extended + nx * ny * nz * bytes == length) {
                return true;
            }
        }
        return false;
    }

    private static int modeBytes(int mode) {
        return switch (mode) {
            case 0 -> 1;
            case 1, 6, 12 -> 2;
            case 2, 3 -> 4;
            case 4 -> 8;
            default -> 0;
        };
    }

    static Video open(Path path) {
        BinaryInput in = BinaryInput.open(path, ByteOrder.LITTLE_ENDIAN);
        try {
            return open(in);
        } catch (RuntimeException e) {
            BinaryInput.closeQuietly(in);
            throw e;
        }
    }

    private static Video open(BinaryInput in) {
        if (in.length() < HEADER) {
            throw in.error(-1, "truncated MRC header (" + in.length() + " bytes; the header alone has 1024)");
        }
        ByteBuffer h = in.read(0, HEADER, -1, "MRC header");
        h.order(byteOrder(h));
        long nx = h.getInt(0);
        long ny = h.getInt(4);
        long nz = h.getInt(8);
        int mode = h.getInt(12);
        StoredSample sample = sample(in, mode, h);
        int mapc = h.getInt(64);
        int mapr = h.getInt(68);
        int maps = h.getInt(72);
        if (!(mapc == 1 && mapr == 2 && maps == 3) && !(mapc == 0 && mapr == 0 && maps == 0)) {
            throw in.error(-1, "MRC axis order (MAPC, MAPR, MAPS) = (" + mapc + ", " + mapr + ", " + maps
                    + ") is not supported (images are stored as (1, 2, 3))");
        }
        long extended = h.getInt(92);
        if (extended < 0) {
            throw in.error(-1, "MRC header declares an extended header of " + extended + " bytes");
        }
        Calibration calibration = new Calibration(pixelSize(h), OptionalDouble.empty());
        return PlaneVideo.contiguous(in, "mrc", HEADER + extended, nz, nx, ny, sample, h.order(), calibration,
                "the MRC header");
    }

    /**
     * The machine stamp's first byte: 0x44 little-endian, 0x11 big-endian. Files from before the stamp existed get
     * the order in which the mode and dimensions make sense.
     */
    private static ByteOrder byteOrder(ByteBuffer h) {
        int stamp = h.get(212) & 0xFF;
        if (stamp == 0x44) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (stamp == 0x11) {
            return ByteOrder.BIG_ENDIAN;
        }
        h.order(ByteOrder.LITTLE_ENDIAN);
        int mode = h.getInt(12);
        return mode >= 0 && mode < 256 && h.getInt(0) > 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    private static StoredSample sample(BinaryInput in, int mode, ByteBuffer h) {
        return switch (mode) {
            case 0 -> signedBytes(h) ? StoredSample.INT8 : StoredSample.UINT8;
            case 1 -> StoredSample.INT16;
            case 2 -> StoredSample.FLOAT32;
            case 6 -> StoredSample.UINT16;
            case 12 -> StoredSample.FLOAT16;
            case 3 -> StoredSample.COMPLEX_INT16;
            case 4 -> StoredSample.COMPLEX_FLOAT32;
            default -> throw in.error(-1, "MRC mode " + mode + modeName(mode)
                    + " is not supported (modes 0, 1, 2, 3, 4, 6 and 12 are)");
        };
    }

    /** MRC2014 says mode 0 is signed; IMOD, which wrote unsigned bytes for years, flags signed ones in bit 0. */
    private static boolean signedBytes(ByteBuffer h) {
        return h.getInt(152) != IMOD_STAMP || (h.getInt(156) & 1) != 0;
    }

    private static String modeName(int mode) {
        return switch (mode) {
            case 101 -> " (4-bit packed)";
            default -> "";
        };
    }

    /** Angstroms per pixel along x over 10; empty when the cell or the sampling is unset (0). */
    private static OptionalDouble pixelSize(ByteBuffer h) {
        int mx = h.getInt(28);
        double cellX = Floats.decimal(h.getFloat(40)); // the float nearest to what the writer meant
        double nm = cellX / mx / 10;
        return mx > 0 && nm > 0 && Double.isFinite(nm) ? OptionalDouble.of(nm) : OptionalDouble.empty();
    }
}
