package org.lptem.io.samem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.LptemException;

class NpzTest {

    @Test
    void npyHeaderIsNumpysVersionOneLayout() {
        byte[] bytes = NpyArray.ofInt32(new int[] {7, -2, 300}, 3).toBytes();
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        assertEquals(0, (10 + headerLength) % 64, "data must start 64-byte aligned");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }"), header);
        assertTrue(header.endsWith("\n"));
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 12).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(7, data.getInt());
        assertEquals(-2, data.getInt());
        assertEquals(300, data.getInt());
        assertEquals(10 + headerLength + 12, bytes.length);
    }

    @Test
    void readsHeadersOtherWritersProduce() {
        // older numpy: 16-byte alignment; big-endian data; a 2-D shape with spaces; header version 2.0
        byte[] be = npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 1), }", 16,
                ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-3f).array());
        NpyArray a = NpyArray.parse(be, "be.npy");
        assertEquals("f4", a.dtype());
        assertArrayEquals(new long[] {2, 1}, a.shape());
        assertEquals(1.5, a.get(0));
        assertEquals(-3.0, a.get(1));
        byte[] v2 = npy(2, "{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }", 64, new byte[] {0, 1, (byte) 255});
        NpyArray b = NpyArray.parse(v2, "v2.npy");
        assertEquals(255.0, b.get(2));
        byte[] scalar = npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (), }", 64,
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(42).array());
        assertEquals(42.0, NpyArray.parse(scalar, "s.npy").get(0));
    }

    @Test
    void badNpyHeadersAreNamed() {
        byte[] good = NpyArray.ofUint8(new byte[] {1, 2, 3, 4}, 2, 2).toBytes();
        assertMessage(() -> NpyArray.parse(Arrays.copyOf(good, good.length - 1), "m.npy"),
                "m.npy: the data does not fit shape [2, 2] of u1: needs 4 bytes, has 3 (truncated)");
        assertMessage(() -> NpyArray.parse(Arrays.copyOf(good, 40), "m.npy"), "m.npy: truncated .npy header");
        byte[] magic = good.clone();
        magic[1] = 'X';
        assertMessage(() -> NpyArray.parse(magic, "m.npy"), "m.npy: not a .npy array");
        assertMessage(() -> NpyArray.parse(npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", 64,
                new byte[8]), "c.npy"), "c.npy: dtype '<c8' is not supported");
        assertMessage(() -> NpyArray.parse(npy(1, "{'descr': '|u1', 'fortran_order': True, 'shape': (1,), }", 64,
                new byte[1]), "f.npy"), "f.npy: Fortran-ordered arrays are not supported");
        assertMessage(() -> NpyArray.parse(npy(1, "{'shape': (1,), }", 64, new byte[1]), "h.npy"),
                "h.npy: the .npy header is not a numpy header dictionary");
        assertMessage(() -> NpyArray.parse(npy(9, "{}", 64, new byte[0]), "v.npy"),
                "v.npy: .npy format version 9.0 is not supported");
    }

    @Test
    void arraysSurviveAnNpzRoundTrip(@TempDir Path dir) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("obj_ids", NpyArray.ofInt32(new int[] {3, 9}, 2));
        arrays.put("masks", NpyArray.ofUint8(new byte[] {0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1}, 2, 2, 3));
        arrays.put("scores", NpyArray.ofFloat32(new float[] {0.25f, -1e9f}, 2));
        Path file = dir.resolve("a.npz");
        Npz.write(file, arrays);
        Map<String, NpyArray> back = Npz.read(file);
        assertEquals(arrays, back);
        assertEquals(java.util.List.of("obj_ids", "masks", "scores"), java.util.List.copyOf(back.keySet()));
        Path again = dir.resolve("b.npz");
        Npz.write(again, arrays);
        assertArrayEquals(bytes(file), bytes(again), "same arrays, same bytes");
    }

    @Test
    void truncatedAndCorruptArchivesGiveErrorsNamingTheFile(@TempDir Path dir) throws Exception {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("obj_ids", NpyArray.ofInt32(new int[] {1, 2, 5}, 3));
        byte[] masks = new byte[3 * 17 * 11];
        for (int i = 0; i < masks.length; i += 3) {
            masks[i] = 1;
        }
        arrays.put("masks", NpyArray.ofUint8(masks, 3, 17, 11));
        Path good = dir.resolve("good.npz");
        Npz.write(good, arrays);
        byte[] original = bytes(good);
        Path bad = dir.resolve("bad.npz");
        Files.write(bad, Arrays.copyOf(original, original.length / 2));
        assertMessage(() -> Npz.read(bad), bad.toString());
        Files.write(bad, "not a zip".getBytes(StandardCharsets.US_ASCII));
        assertMessage(() -> Npz.read(bad), bad + ": not a readable .npz");
        SplittableRandom random = new SplittableRandom(20261121L);
        int rejected = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] mutated = original.clone();
            if (trial % 3 == 0) {
                mutated = Arrays.copyOf(mutated, random.nextInt(mutated.length));
            } else {
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
            }
            Files.write(bad, mutated);
            try {
                Npz.read(bad);
            } catch (LptemException e) {
                assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
                rejected++;
            }
        }
        assertTrue(rejected > 100, "most mutations must be detected, got " + rejected);
    }

    private static byte[] npy(int major, String dict, int align, byte[] data) {
        int prefix = major == 1 ? 10 : 12;
        StringBuilder h = new StringBuilder(dict);
        while ((prefix + h.length() + 1) % align != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(prefix + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length);
        } else {
            b.putInt(header.length);
        }
        return b.put(header).put(data).array();
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable run, String start) {
        LptemException e = assertThrows(LptemException.class, run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
