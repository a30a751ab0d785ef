package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.cli.CliRunner.lptem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.io.TracksCsv;
import org.lptem.track.LapLinker;
import org.lptem.track.LapSettings;
import org.lptem.track.TrackMateXml;
import org.lptem.track.TrackingScenario;

class ScoreTrackingCommandTest {

    @Test
    void scoresPredictedTracksAgainstTheTruthInTextAndJson(@TempDir Path dir) throws Exception {
        TrackingScenario.Data data = new TrackingScenario(TrackingScenario.brownian(50, 30, 300, 3, 5)).generate();
        Path truth = dir.resolve("truth.csv");
        Path pred = dir.resolve("pred.xml");
        TracksCsv.write(truth, data.truth(), Calibration.NONE);
        List<Track> tracks = new LapLinker(LapSettings.builder(9).build()).link(data.detections(), Progress.NONE);
        TrackMateXml.write(pred, tracks, List.of(), TrackMateXml.Image.unknown(tracks));

        CliRunner.Run same = lptem("score-tracking", "--truth", truth.toString(), "--pred", truth.toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("alpha           1.0000"), same.out());
        assertTrue(same.out().contains("id_switches     0"), same.out());

        CliRunner.Run r = lptem("score-tracking", "--truth", truth.toString(), "--pred", pred.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        for (String key : List.of("link_recall", "link_precision", "alpha", "beta", "jsc", "jsc_theta", "rmse_px",
                "mota", "idf1", "hota")) {
            assertTrue(r.out().contains("\"" + key + "\": "), key + " in " + r.out());
        }
    }

    @Test
    void badFilesAndGatesExitWithTwo(@TempDir Path dir) throws Exception {
        Path noParticle = dir.resolve("p.csv");
        Files.writeString(noParticle, "frame,x,y\n0,1,1\n");
        CliRunner.Run r = lptem("score-tracking", "--truth", noParticle.toString(), "--pred", noParticle.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("p.csv") && r.err().contains("particle"), r.err());
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "frame,particle,x,y\n0,1,1,1\n");
        CliRunner.Run gate = lptem("score-tracking", "--truth", ok.toString(), "--pred", ok.toString(), "--gate",
                "0");
        assertEquals(2, gate.code());
        assertTrue(gate.err().contains("gate"), gate.err());
    }
}
