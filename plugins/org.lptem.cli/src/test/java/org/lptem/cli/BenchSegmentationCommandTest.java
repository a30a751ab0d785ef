package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.cli.CliRunner.lptem;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSegmentationCommandTest {

    @Test
    void smallBenchmarkPrintsBothTables() {
        CliRunner.Run r = lptem("bench-segmentation", "--presets", "thickness-5nm,multi", "--methods",
                "classical,otsu", "--frames", "1", "--speed-frames", "2", "--speed-particles", "5",
                "--speed-significance", "5");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("preset") && lines.get(0).contains("J&F"), r.out());
        for (String row : new String[] {"thickness-5nm    classical", "thickness-5nm    otsu",
                "multi            classical", "multi            otsu"}) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(row)), row + " in " + r.out());
        }
        for (String s : new String[] {"Speed: 1024 x 1024, 5 spheres of radius 7 px",
                "blob detection, r 7 px, 5.0 sigma", "same on the mean of 3 frames, 5.0 sigma",
                "classical segmentation, r 3..48 px", "otsu pipeline"}) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
    }

    @Test
    void unknownPresetsAndMethodsExitWithTwo() {
        CliRunner.Run preset = lptem("bench-segmentation", "--presets", "thickness-7nm", "--speed-only");
        assertEquals(2, preset.code());
        assertTrue(preset.err().contains("unknown preset 'thickness-7nm'"), preset.err());
        CliRunner.Run method = lptem("bench-segmentation", "--methods", "sam2", "--accuracy-only");
        assertEquals(2, method.code());
        assertTrue(method.err().contains("'sam2' is not one of"), method.err());
    }
}
