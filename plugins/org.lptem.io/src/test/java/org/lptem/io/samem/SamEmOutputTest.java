package org.lptem.io.samem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;

class SamEmOutputTest {
    private static final int W = 7;
    private static final int H = 4;

    private static Detection det(int frame, int id, double x, double y, double angle) {
        return new Detection(frame, x, y, 1, angle, 1, 1, 0, 1, id);
    }

    @Test
    void framesAndTrajectoriesRoundTripInSamEmLayout(@TempDir Path dir) throws Exception {
        int[] frame0 = {
            0, 4, 4, 0, 0, 0, 0,
            0, 4, 4, 0, 0, 2, 0,
            0, 0, 0, 0, 0, 2, 0,
            0, 0, 0, 0, 0, 0, 0};
        int[] frame1 = new int[W * H];
        frame1[W * 3 + 6] = 9;
        Path out = dir.resolve("samem");
        try (SamEmOutput.Writer w = new SamEmOutput.Writer(out)) {
            w.write(0, W, H, frame0, List.of(det(0, 4, 1.5, 0.5, 0), det(0, 2, 5, 1.5, 90)));
            w.write(12, W, H, frame1, List.of(det(12, 9, 6, 3, 0)));
        }
        assertTrue(Files.isRegularFile(out.resolve("npz/000000.npz")));
        assertTrue(Files.isRegularFile(out.resolve("npz/000012.npz")));
        assertEquals(List.of(0, 12), SamEmOutput.frames(out));
        SamEmOutput.FrameMasks f0 = SamEmOutput.readFrame(out, 0);
        assertArrayEquals(new int[] {2, 4}, f0.objIds(), "ids ascending");
        assertEquals(W, f0.width());
        assertEquals(H, f0.height());
        assertTrue(f0.masks()[0][W + 5]);
        assertFalse(f0.masks()[0][1]);
        assertTrue(f0.masks()[1][1]);
        assertArrayEquals(frame0, f0.toLabels("x"));
        Map<String, NpyArray> raw = Npz.read(out.resolve("npz/000000.npz"));
        assertEquals("i4", raw.get("obj_ids").dtype());
        assertEquals("u1", raw.get("masks").dtype());
        assertArrayEquals(new long[] {2, H, W}, raw.get("masks").shape());
        assertEquals(List.of("frame,particle_id,x,y,angle", "0,2,5,1.5,90", "0,4,1.5,0.5,0", "12,9,6,3,0"),
                Files.readAllLines(out.resolve("trajectories.csv")));
        List<Detection> rows = SamEmOutput.readTrajectories(out);
        assertEquals(3, rows.size());
        assertEquals(4, rows.get(1).label());
        assertEquals(1.5, rows.get(1).x());
        assertEquals(90.0, rows.get(0).orientationDeg());
    }

    @Test
    void inconsistentFilesAreNamed(@TempDir Path dir) {
        Path out = dir.resolve("s");
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("obj_ids", NpyArray.ofInt32(new int[] {1, 2}, 2));
        arrays.put("masks", NpyArray.ofUint8(new byte[] {1, 1, 0, 1}, 2, 1, 2));
        Npz.write(SamEmOutput.npzFile(out, 3), arrays);
        LptemException overlap = assertThrows(LptemException.class,
                () -> SamEmOutput.readFrame(out, 3).toLabels("s"));
        assertEquals("s: frame 3: objects 1 and 2 both own pixel (1, 0)", overlap.getMessage());
        arrays.put("obj_ids", NpyArray.ofInt32(new int[] {1, 2, 3}, 3));
        Npz.write(SamEmOutput.npzFile(out, 4), arrays);
        LptemException shapes = assertThrows(LptemException.class, () -> SamEmOutput.readFrame(out, 4));
        assertTrue(shapes.getMessage().contains("000004.npz: masks has shape [2, 1, 2] but obj_ids has 3 objects"),
                shapes.getMessage());
        arrays.remove("masks");
        Npz.write(SamEmOutput.npzFile(out, 5), arrays);
        LptemException missing = assertThrows(LptemException.class, () -> SamEmOutput.readFrame(out, 5));
        assertTrue(missing.getMessage().contains("needs arrays obj_ids and masks, has [obj_ids]"),
                missing.getMessage());
        assertThrows(LptemException.class, () -> SamEmOutput.frames(dir.resolve("nothing")));
    }
}
