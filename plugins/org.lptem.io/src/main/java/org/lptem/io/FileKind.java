package org.lptem.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.lptem.core.LptemException;

/** Recognises the image files we read by their first bytes, whatever their name says. */
enum FileKind {
    TIFF, PNG, JPEG;

    /** Bytes needed to tell the formats apart. */
    private static final int HEAD = 8;

    static FileKind of(Path file) {
        byte[] head = head(file);
        FileKind kind = of(head);
        if (kind == null) {
            throw LptemException.inFile(file, "not a supported video (starts with bytes " + hex(head) + hint(head)
                    + "; expected TIFF, a PNG or JPEG image, or a folder of numbered frames)");
        }
        return kind;
    }

    static FileKind of(byte[] h) {
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
        return null;
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
        if (h.length >= 4 && (h[0] & 0xFF) == 0x89 && h[1] == 'H' && h[2] == 'D' && h[3] == 'F') {
            return ", an HDF5 file such as Velox .emd or Gatan .dm5";
        }
        if (h.length >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 0 && (h[3] == 3 || h[3] == 4)) {
            return ", a Gatan DM" + h[3] + " file: export it as TIFF";
        }
        return "";
    }
}
