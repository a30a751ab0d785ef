package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The tag tree of a Gatan DigitalMicrograph DM3 or DM4 file, read from the published descriptions of the format
 * (C. Boothroyd's and G. Jefferis' notes). Only the structure is read: where each value lies and what type it has;
 * values are read when asked for, and pixel arrays are never touched here.
 *
 * <p>Layout. Header: version (int32), size of the rest (int32 in DM3, int64 in DM4), byte order of the values
 * (int32: 1 little-endian, 0 big-endian), then the root group. Group: sorted and open flags (one byte each), number
 * of entries (int32 / int64). Entry: kind (one byte: 20 group, 21 data), name length (uint16) and name; DM4 adds the
 * entry's size (int64); a group entry holds a group, a data entry holds {@code %%%%}, the length of its type
 * description (int32 / int64), the description itself (as many int32 / int64), then the values. Everything but the
 * values is big-endian.
 */
final class DmTags {
    static final int KIND_GROUP = 20;
    static final int KIND_DATA = 21;
    static final int TYPE_STRUCT = 15;
    static final int TYPE_STRING = 18;
    static final int TYPE_ARRAY = 20;
    /** No real file nests deeper; a corrupt one could otherwise recurse until the stack overflows. */
    private static final int MAX_DEPTH = 64;
    /** Type descriptions of real files are a few values long (a struct of a dozen fields at most). */
    private static final long MAX_INFO = 4096;
    private static final int MAX_TEXT_CHARS = 4096;

    /** A named or unnamed ({@code name} empty) entry: exactly one of {@code group} and {@code data} is set. */
    record Entry(String name, Group group, Data data) {
    }

    /** The entries of one group, in file order. */
    static final class Group {
        private final List<Entry> entries;

        Group(List<Entry> entries) {
            this.entries = Collections.unmodifiableList(entries);
        }

        List<Entry> entries() {
            return entries;
        }

        Entry get(String name) {
            for (Entry e : entries) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            return null;
        }

        /** The named subgroup, or null. */
        Group group(String name) {
            Entry e = get(name);
            return e == null ? null : e.group();
        }

        /** The named data entry, or null. */
        Data data(String name) {
            Entry e = get(name);
            return e == null ? null : e.data();
        }

        /** The subgroups in order, named or not (an image list, a list of dimension calibrations). */
        List<Group> groups() {
            List<Group> out = new ArrayList<>();
            for (Entry e : entries) {
                if (e.group() != null) {
                    out.add(e.group());
                }
            }
            return out;
        }

        /** The data entries in order (the sizes in a Dimensions group are unnamed). */
        List<Data> datas() {
            List<Data> out = new ArrayList<>();
            for (Entry e : entries) {
                if (e.data() != null) {
                    out.add(e.data());
                }
            }
            return out;
        }
    }

    /**
     * A data entry: its values take {@code size} bytes from {@code offset}; {@code info} is the type description
     * ({@code [type]}, {@code [18, length]}, {@code [20, type, count]}, or a struct or array of structs).
     */
    record Data(String path, long offset, long size, long[] info) {
        boolean isArray() {
            return info.length > 1 && info[0] == TYPE_ARRAY;
        }

        /** Element type of an array, else the value's type. */
        long elementType() {
            return isArray() ? info[1] : info[0];
        }
    }

    private final ByteWindow window;
    private final int version;
    private final ByteOrder valueOrder;
    private final Group root;

    private DmTags(ByteWindow window, int version, ByteOrder valueOrder, Group root) {
        this.window = window;
        this.version = version;
        this.valueOrder = valueOrder;
        this.root = root;
    }

    /** Reads the header and the whole tag tree of a DM3 or DM4 file. */
    static DmTags read(BinaryInput in) {
        ByteWindow w = new ByteWindow(in);
        int version = w.i32(0, ByteOrder.BIG_ENDIAN, "DM header");
        if (version != 3 && version != 4) {
            throw in.error(-1, "DigitalMicrograph version " + version + " is not supported (3 and 4 are)");
        }
        boolean dm4 = version == 4;
        long orderPos = dm4 ? 12 : 8;
        int orderFlag = w.i32(orderPos, ByteOrder.BIG_ENDIAN, "DM header");
        if (orderFlag != 0 && orderFlag != 1) {
            throw in.error(-1, "DM header declares byte order " + orderFlag + " (expected 0 or 1; corrupt file?)");
        }
        Parser p = new Parser(w, dm4);
        Group root = p.group(orderPos + 4, 0, "");
        return new DmTags(w, version, orderFlag == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, root);
    }

    int version() {
        return version;
    }

    /** Byte order of the values (pixels included). */
    ByteOrder valueOrder() {
        return valueOrder;
    }

    Group root() {
        return root;
    }

    BinaryInput input() {
        return window.input();
    }

    /** A single number (any integer or real type), or empty when the entry is absent or holds something else. */
    OptionalDouble number(Data d) {
        if (d == null || d.info().length != 1) {
            return OptionalDouble.empty();
        }
        int size = simpleSize(d.info()[0]);
        if (size == 0) {
            return OptionalDouble.empty();
        }
        ByteBuffer b = window.input().read(d.offset(), size, -1, "value of " + d.path()).order(valueOrder);
        return OptionalDouble.of(switch ((int) d.info()[0]) {
            case 2 -> b.getShort(0);
            case 3 -> b.getInt(0);
            case 4 -> b.getShort(0) & 0xFFFF;
            case 5 -> b.getInt(0) & 0xFFFFFFFFL;
            case 6 -> Floats.decimal(b.getFloat(0)); // as typed, not the float nearest to it
            case 7 -> b.getDouble(0);
            case 8, 10 -> b.get(0) & 0xFF;
            case 9 -> b.get(0);
            case 11 -> b.getLong(0);
            default -> (double) (b.getLong(0) >>> 1) * 2 + (b.getLong(0) & 1); // uint64
        });
    }

    /**
     * Text stored as a string, a UTF-16 array (how DigitalMicrograph stores units) or a byte array; null when absent,
     * not text, or implausibly long.
     */
    String text(Data d) {
        if (d == null) {
            return null;
        }
        long[] info = d.info();
        boolean utf16 = (info.length == 2 && info[0] == TYPE_STRING)
                || (info.length == 3 && info[0] == TYPE_ARRAY && (info[1] == 4 || info[1] == 2));
        boolean bytes = info.length == 3 && info[0] == TYPE_ARRAY && (info[1] == 9 || info[1] == 10);
        if ((!utf16 && !bytes) || d.size() > 2L * MAX_TEXT_CHARS) {
            return null;
        }
        ByteBuffer b = window.input().read(d.offset(), (int) d.size(), -1, "value of " + d.path())
                .order(valueOrder);
        if (bytes) {
            return decodeName(b.array());
        }
        char[] chars = new char[(int) d.size() / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = b.getChar(2 * i);
        }
        int end = 0;
        while (end < chars.length && chars[end] != 0) {
            end++;
        }
        return new String(chars, 0, end);
    }

    /** Bytes of one value of a simple type, or 0 when {@code type} is not one. */
    static int simpleSize(long type) {
        return switch ((int) Math.max(-1, Math.min(type, 100))) {
            case 2, 4 -> 2;
            case 3, 5, 6 -> 4;
            case 7, 11, 12 -> 8;
            case 8, 9, 10 -> 1;
            default -> 0;
        };
    }

    /** Names are Latin-1 in older files and may be UTF-8 in newer ones (the micro sign of units). */
    static String decodeName(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Walks the tree once, front to back; no value is read, only type descriptions and sizes. */
    private static final class Parser {
        private final ByteWindow w;
        private final BinaryInput in;
        private final boolean dm4;
        private final int countSize;
        /** Where the group parsed last ends: the next entry of its parent starts there. */
        private long end;

        Parser(ByteWindow w, boolean dm4) {
            this.w = w;
            this.in = w.input();
            this.dm4 = dm4;
            this.countSize = dm4 ? 8 : 4;
        }

        private long count(long pos, String what) {
            return dm4 ? w.i64(pos, ByteOrder.BIG_ENDIAN, what)
                    : w.i32(pos, ByteOrder.BIG_ENDIAN, what) & 0xFFFFFFFFL;
        }

        /** Parses the group at {@code pos}, setting {@link #end}. */
        Group group(long pos, int depth, String path) {
            String what = "tag group " + label(path);
            if (depth > MAX_DEPTH) {
                throw in.error(-1, what + " is nested more than " + MAX_DEPTH + " deep (corrupt file?)");
            }
            long n = count(pos + 2, what);
            pos += 2 + countSize;
            if (n < 0 || n > (in.length() - pos) / 3) {
                throw in.error(-1, what + " declares " + Long.toUnsignedString(n) + " entries, more than the "
                        + "rest of the file can hold (truncated or corrupt?)");
            }
            List<Entry> entries = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                long start = pos;
                int kind = w.u8(pos, what);
                if (kind == 0) {
                    break; // the end marker some writers put after the last entry
                }
                int nameLength = w.u16(pos + 1, ByteOrder.BIG_ENDIAN, what);
                String name = decodeName(w.bytes(pos + 3, nameLength, what));
                String child = path + "/" + (name.isEmpty() ? "[" + i + "]" : name);
                pos += 3 + nameLength;
                long declared = -1;
                if (dm4) {
                    declared = w.i64(pos, ByteOrder.BIG_ENDIAN, "tag " + label(child));
                    pos += 8;
                    in.checkRange(pos, declared, -1, "tag " + label(child) + " (declared size " + declared + ")");
                }
                if (kind == KIND_GROUP) {
                    Group g = group(pos, depth + 1, child);
                    entries.add(new Entry(name, g, null));
                    pos = end;
                } else if (kind == KIND_DATA) {
                    Data d = data(pos, child);
                    entries.add(new Entry(name, null, d));
                    pos = d.offset() + d.size();
                } else {
                    throw in.error(-1, "tag " + label(child) + " at offset " + start + " has kind " + kind
                            + " (expected 20 for a group or 21 for data; corrupt file?)");
                }
                if (dm4 && pos - (start + 3 + nameLength + 8) > declared) {
                    throw in.error(-1, "tag " + label(child) + " is longer than its declared size " + declared
                            + " (corrupt file?)");
                }
            }
            end = pos;
            return new Group(entries);
        }

        private Data data(long pos, String path) {
            String what = "tag " + label(path);
            byte[] mark = w.bytes(pos, 4, what);
            if (mark[0] != '%' || mark[1] != '%' || mark[2] != '%' || mark[3] != '%') {
                throw in.error(-1, what + " at offset " + pos + " lacks its %%%% marker (corrupt file?)");
            }
            long n = count(pos + 4, what);
            if (n < 1 || n > MAX_INFO) {
                throw in.error(-1, what + " has a type description of " + Long.toUnsignedString(n)
                        + " values (corrupt file?)");
            }
            long[] info = new long[(int) n];
            long p = pos + 4 + countSize;
            for (int k = 0; k < n; k++) {
                info[k] = dm4 ? w.i64(p, ByteOrder.BIG_ENDIAN, what) : w.i32(p, ByteOrder.BIG_ENDIAN, what);
                p += countSize;
            }
            long size = size(info, what);
            in.checkRange(p, size, -1, "values of " + what);
            return new Data(path, p, size, info);
        }

        private long size(long[] info, String what) {
            try {
                long t = info[0];
                if (info.length == 1 && simpleSize(t) > 0) {
                    return simpleSize(t);
                }
                if (t == TYPE_STRING && info.length == 2 && info[1] >= 0) {
                    return Math.multiplyExact(info[1], 2);
                }
                if (t == TYPE_STRUCT && info.length >= 3 && info[2] == (info.length - 3) / 2
                        && info.length == 3 + 2 * info[2]) {
                    return structSize(info, 4, (int) info[2], what);
                }
                if (t == TYPE_ARRAY && info.length == 3 && simpleSize(info[1]) > 0 && info[2] >= 0) {
                    return Math.multiplyExact(info[2], simpleSize(info[1]));
                }
                if (t == TYPE_ARRAY && info.length >= 5 && info[1] == TYPE_STRUCT && info[3] == (info.length - 5) / 2
                        && info.length == 5 + 2 * info[3] && info[info.length - 1] >= 0) {
                    return Math.multiplyExact(info[info.length - 1], structSize(info, 5, (int) info[3], what));
                }
            } catch (ArithmeticException e) {
                throw in.error(-1, what + " declares more values than any file can hold");
            }
            throw in.error(-1, what + " has an unsupported type description " + describe(info));
        }

        private long structSize(long[] info, int firstType, int fields, String what) {
            long size = 0;
            for (int k = 0; k < fields; k++) {
                int s = simpleSize(info[firstType + 2 * k]);
                if (s == 0) {
                    throw in.error(-1, what + " has a struct field of unsupported type " + info[firstType + 2 * k]);
                }
                size += s;
            }
            return size;
        }
    }

    private static String label(String path) {
        return path.isEmpty() ? "(root)" : path.substring(1);
    }

    private static String describe(long[] info) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(info.length, 8); i++) {
            sb.append(i == 0 ? "" : ", ").append(info[i]);
        }
        return sb.append(info.length > 8 ? ", ...]" : "]").toString();
    }
}
