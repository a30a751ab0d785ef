package org.lptem.stats.table;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.Track;
import org.lptem.io.TracksCsv;
import org.lptem.stats.Interval;
import org.lptem.stats.report.TrackTable;

class TablesTest {

    record Row(double d, Interval ci, double alpha) {
    }

    @Test
    void unitsNameEveryColumnAndCalibratedColumnsNeedTheirUnits() {
        Units both = Units.planar(Calibration.of(2.0, 0.5));
        Units pixelOnly = Units.planar(Calibration.of(2.0, null));
        List<Field<Row>> fields = List.of(
                Field.quantity("D", "", both, 2, 1, Row::d, Row::ci),
                Field.coefficient("K", "", both, Row::d, Row::ci, Row::alpha));
        Table t = Field.table("t", fields, List.of(new Row(3, new Interval(2, 4), 0.5)));
        assertEquals(List.of("D_px2_per_frame", "D_px2_per_frame_lo", "D_px2_per_frame_hi", "D_nm2_per_s",
                "D_nm2_per_s_lo", "D_nm2_per_s_hi", "K_px2_per_frame_alpha", "K_px2_per_frame_alpha_lo",
                "K_px2_per_frame_alpha_hi", "K_nm2_per_s_alpha", "K_nm2_per_s_alpha_lo", "K_nm2_per_s_alpha_hi"),
                t.columnNames());
        Object[] row = t.rows().get(0);
        assertEquals(3 * 4 / 0.5, (double) row[3], 1e-12, "px^2/frame to nm^2/s");
        assertEquals(3 * 4 / Math.sqrt(0.5), (double) row[9], 1e-12, "K: the time unit is raised to alpha");
        assertEquals(4 * 4 / Math.sqrt(0.5), (double) row[11], 1e-12);

        Table partial = Field.table("p", List.of(Field.<Row>quantity("D", "", pixelOnly, 2, 1, Row::d, null),
                Field.<Row>quantity("sigma", "", pixelOnly, 1, 0, Row::d, null),
                Field.<Row>quantity("density", "", pixelOnly, -1, 0, Row::d, null),
                Field.<Row>quantity("vacf", "", pixelOnly, 2, 2, Row::d, null)), List.of());
        assertEquals(List.of("D_px2_per_frame", "sigma_px", "sigma_nm", "density_per_px", "density_per_nm",
                "vacf_px2_per_frame2"), partial.columnNames(), "no nm^2/s without the frame interval");
        Units angle = Units.angular(Calibration.NONE);
        assertEquals(List.of("D_deg2_per_frame", "sigma_deg", "sigma_rad"), Field.table("a",
                List.of(Field.<Row>quantity("D", "", angle, 2, 1, Row::d, null),
                        Field.<Row>quantity("sigma", "", angle, 1, 0, Row::d, null)), List.of()).columnNames(),
                "radians always, seconds only when known");
    }

    @Test
    void csvOfATableAndCalibrationReadBackFromATracksTable(@TempDir Path dir) throws Exception {
        Table t = Field.table("x", List.<Field<Row>>of(Field.real("a", "first", Row::d),
                Field.text("b", "second", r -> "with, comma")), List.of(new Row(1.5, Interval.NONE, 0),
                        new Row(Double.NaN, Interval.NONE, 0)));
        TableCsv.write(t, dir.resolve("x.csv"));
        assertEquals(List.of("a,b", "1.5,\"with, comma\"", ",\"with, comma\""), Files.readAllLines(dir.resolve(
                "x.csv")));

        Track track = new Track(1, List.of(Detection.at(0, 0, 0), Detection.at(1, 3, 1), Detection.at(2, 4, 2)));
        TracksCsv.write(dir.resolve("tracks.csv"), List.of(track), Calibration.of(0.37, 0.02));
        TrackTable read = TrackTable.read(dir.resolve("tracks.csv"));
        assertEquals(0.37, read.calibration().nmPerPixel().getAsDouble(), 1e-12);
        assertEquals(0.02, read.calibration().secondsPerFrame().getAsDouble(), 1e-12);
        TracksCsv.write(dir.resolve("plain.csv"), List.of(track), Calibration.NONE);
        assertFalse(TrackTable.read(dir.resolve("plain.csv")).calibration().hasPixelSize());
    }
}
