package org.lptem.io;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Checks the box (atom) structure of an MP4/QuickTime file before jcodec parses it: every box at least its 8-byte
 * header (16 with a 64-bit size), inside its parent, containers nested at most a few levels. jcodec loops forever on
 * some malformed sizes (a 64-bit size below 16 makes its format probe step backwards; found by fuzzing), so nothing
 * reaches it that our own bounded walk has not accepted.
 */
final class Mp4Boxes {
    /** Boxes made only of boxes (ISO/IEC 14496-12 and QuickTime), whose children are checked too. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "dinf", "edts",
            "udta", "mvex", "moof", "traf", "mfra", "tref", "clip", "matt", "gmhd");
    /** Sample descriptions: a version and flags, an entry count, then boxes. */
    private static final String SAMPLE_DESCRIPTION = "stsd";
    /** Visual sample entries: 78 bytes of fields, then boxes (avcC, pasp, ...). */
    private static final Set<String> VISUAL_ENTRIES = Set.of("avc1", "avc3", "hvc1", "hev1", "mp4v", "jpeg",
            "mjpa", "mjpb", "apcn", "apch", "apcs", "apco", "ap4h");
    private static final int MAX_DEPTH = 16;

    private Mp4Boxes() {
    }

    static void check(BinaryInput in) {
        ByteWindow w = new ByteWindow(in, 4096);
        walk(in, w, 0, in.length(), 0, true);
    }

    private static void walk(BinaryInput in, ByteWindow w, long pos, long end, int depth, boolean top) {
        if (depth > MAX_DEPTH) {
            throw in.error(-1, "MP4 boxes nest more than " + MAX_DEPTH + " deep (corrupt file?)");
        }
        int boxes = 0;
        while (pos < end) {
            if (end - pos < 8) {
                if (top) {
                    return; // trailing bytes after the last box: ignored, as players do
                }
                throw in.error(-1, "MP4 box at offset " + pos + " is cut off by its parent (corrupt file?)");
            }
            long size = w.i32(pos, ByteOrder.BIG_ENDIAN, "MP4 box header") & 0xFFFFFFFFL;
            String type = new String(w.bytes(pos + 4, 4, "MP4 box header"), StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = w.i64(pos + 8, ByteOrder.BIG_ENDIAN, "MP4 box header");
                header = 16;
            } else if (size == 0 && top) {
                size = end - pos; // "to the end of the file"
            }
            if (size < header) {
                throw in.error(-1, "MP4 box '" + printable(type) + "' at offset " + pos + " declares " + size
                        + " bytes, less than its own header (corrupt file?)");
            }
            if (size > end - pos) {
                throw in.error(-1, "MP4 box '" + printable(type) + "' at offset " + pos + " declares " + size
                        + " bytes, beyond the end of " + (top ? "the file (truncated?)" : "its parent (corrupt file?)"));
            }
            if (CONTAINERS.contains(type)) {
                walk(in, w, pos + header, pos + size, depth + 1, false);
            } else if (type.equals(SAMPLE_DESCRIPTION) && size >= header + 8) {
                walk(in, w, pos + header + 8, pos + size, depth + 1, false);
            } else if (VISUAL_ENTRIES.contains(type) && size >= header + 78) {
                walk(in, w, pos + header + 78, pos + size, depth + 1, false);
            }
            pos += size;
            if (++boxes > in.length() / 8) {
                throw in.error(-1, "MP4 boxes do not end (corrupt file?)");
            }
        }
    }

    private static String printable(String type) {
        StringBuilder sb = new StringBuilder();
        for (char c : type.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        return sb.toString();
    }
}
