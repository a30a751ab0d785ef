package org.lptem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Track;
import org.lptem.io.CsvWriter;
import org.lptem.stats.Msd;
import org.lptem.stats.MsdCurve;

/** MSD curves as CSV tables; calibrated columns are written empty when the calibration is unknown. */
final class MsdTables {
    private MsdTables() {
    }

    static void writeEnsemble(Path out, MsdCurve msd, Calibration cal) {
        try (CsvWriter csv = new CsvWriter(out, Columns.LAG_FRAMES, Columns.LAG_S, Columns.MSD_PX2, Columns.MSD_NM2,
                Columns.N)) {
            rows(csv, null, msd, cal);
        }
    }

    static void writePerTrack(Path out, List<Track> tracks, int maxLag, Calibration cal) {
        try (CsvWriter csv = new CsvWriter(out, Columns.PARTICLE, Columns.LAG_FRAMES, Columns.LAG_S,
                Columns.MSD_PX2, Columns.MSD_NM2, Columns.N)) {
            for (Track t : tracks) {
                rows(csv, t.particle(), Msd.timeAveraged(t, maxLag), cal);
            }
        }
    }

    private static void rows(CsvWriter csv, Integer particle, MsdCurve msd, Calibration cal) {
        double[] seconds = cal.hasFrameInterval() ? msd.lagSeconds(cal) : null;
        double[] nm2 = cal.hasPixelSize() ? msd.msdNm2(cal) : null;
        for (int i = 0; i < msd.lagFrames().length; i++) {
            List<Object> row = new ArrayList<>(6);
            if (particle != null) {
                row.add(particle);
            }
            row.add(msd.lagFrames()[i]);
            row.add(seconds == null ? null : seconds[i]);
            row.add(msd.msdPx2()[i]);
            row.add(nm2 == null ? null : nm2[i]);
            row.add(msd.n()[i]);
            csv.row(row);
        }
    }
}
