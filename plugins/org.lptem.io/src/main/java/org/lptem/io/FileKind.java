package org.lptem.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.lptem.core.LptemException;

/** Recognises the files we read by their first bytes, whatever their name says. */
enum FileKind {
    TIFF("TIFF"), PNG("PNG"), JPEG("JPEG"), DM3("Gatan DM3"), DM4("Gatan DM4"), MRC("MRC"), SER("TIA SER"),
    HDF5("HDF5"), AVI("AVI"), MP4("MP4/QuickTime");

    /** Bytes needed to tell the formats apart: an MRC header is 1024 bytes and has its label at 208. */
    private static final int HEAD = 1024;

    private final String label;

    FileKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** True for the single-image kinds a folder of frames may hold. */
    boolean isImage() {
        return this == TIFF || this == PNG || this == JPEG;
    }

    static FileKind of(Path file) {
        byte[] head = head(file);
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw LptemException.inFile(file, "cannot read: " + e.getMessage(), e);
        }
        FileKind kind = of(head, length);
        if (kind == null) {
            throw LptemException.inFile(file, "not a supported video (starts with bytes " + hex(head) + hint(head)
                    + "; expected TIFF, Gatan DM3/DM4, MRC, TIA SER, Velox EMD, AVI, MP4, a PNG or JPEG image, "
                    + "or a folder of numbered frames)");
        }
        return kind;
    }

    /** The kind of a file starting with {@code h} and {@code length} bytes long, or null. */
    static FileKind of(byte[] h, long length) {
        if (h.length < 4 && isTiffPrefix(h)) {
            return TIFF; // too short, which the TIFF reader reports as a truncated header
        }
        if (h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43)))) {
            return TIFF;
        }
        if (h.length >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return PNG;
        }
        if (h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (MrcFile.looksLike(h, length)) {
            return MRC; // before DM: a big-endian MRC of width 3 or 4 starts like a DM file
        }
        if (h.length >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 0 && (h[3] == 3 || h[3] == 4)) {
            return h[3] == 3 ? DM3 : DM4;
        }
        if (h.length >= 4 && h[0] == 'I' && h[1] == 'I' && (h[2] & 0xFF) == 0x97 && h[3] == 0x01) {
            return SER;
        }
        if (h.length >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'H' && h[2] == 'D' && h[3] == 'F' && h[4] == '\r'
                && h[5] == '\n' && h[6] == 0x1A && h[7] == '\n') {
            return HDF5;
        }
        if (h.length >= 12 && ascii(h, 0, "RIFF") && (ascii(h, 8, "AVI ") || ascii(h, 8, "AVIX"))) {
            return AVI;
        }
        if (h.length >= 8 && (ascii(h, 4, "ftyp") || ascii(h, 4, "moov") || ascii(h, 4, "mdat")
                || ascii(h, 4, "wide") || ascii(h, 4, "free"))) {
            return MP4;
        }
        return null;
    }

    private static boolean ascii(byte[] h, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (h[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTiffPrefix(byte[] h) {
        byte[][] magics = {{'I', 'I', 42}, {'I', 'I', 43}, {'M', 'M', 0}};
        for (byte[] m : magics) {
            if (Arrays.equals(h, 0, h.length, m, 0, Math.min(h.length, m.length))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] head(Path file) {
        try (InputStream s = Files.newInputStream(file)) {
            byte[] head = s.readNBytes(HEAD);
            if (head.length == 0) {
                throw LptemException.inFile(file, "file is empty");
            }
            return head;
        } catch (IOException e) {
            throw LptemException.inFile(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String hex(byte[] head) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, head.length); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", head[i] & 0xFF));
        }
        return sb.toString();
    }

    /** Names formats people often try by mistake, so the message says what to do. */
    private static String hint(byte[] h) {
        if (h.length >= 2 && h[0] == 'P' && h[1] == 'K') {
            return ", a ZIP archive";
        }
        if (h.length >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 2) {
            return ", a Gatan DM2 file: save it as DM4 or TIFF";
        }
        if (h.length >= 3 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F') {
            return ", a GIF image: export the frames as PNG";
        }
        return "";
    }
}
