package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.cli.CliRunner.lptem;

import org.junit.jupiter.api.Test;

class BenchTrackingCommandTest {

    @Test
    void smallBenchmarkPrintsBothTables() {
        CliRunner.Run r = lptem("bench-tracking", "--particles", "40", "--frames", "20", "--size", "300",
                "--speed-particles", "50", "--speed-frames", "5,20", "--repeats", "1");
        assertEquals(0, r.code(), r.err());
        for (String s : new String[] {"brownian-0.05", "brownian-0.3", "directed", "switching", "kalman", "hota",
                "us/detection", "scaling: time ~ detections^"}) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
        assertEquals(2, lptem("bench-tracking", "--particles", "1").code());
    }

    @Test
    void videoScenesScoreTheDetectorsOutput() {
        CliRunner.Run r = lptem("bench-tracking", "--videos", "--accuracy-only", "--particles", "10", "--frames",
                "5", "--video-particles", "6", "--video-frames", "6", "--snr", "7");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("video-bm-snr7") && r.out().contains("video-directed-snr7"), r.out());
        assertFalse(r.out().contains("us/detection"), "--accuracy-only skips the speed table");
    }
}
