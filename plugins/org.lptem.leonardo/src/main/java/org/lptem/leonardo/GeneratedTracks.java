package org.lptem.leonardo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Progress;
import org.lptem.io.CsvWriter;

/**
 * Writes generated trajectories as a tracks table: frame, particle (1-based), x, y in px, and x_nm, y_nm and t_s
 * when the training table's calibration gave them. The file appears only when complete.
 */
public final class GeneratedTracks {
    private GeneratedTracks() {
    }

    public static List<String> header(Calibration c) {
        List<String> h = new ArrayList<>(List.of(Columns.FRAME, Columns.PARTICLE, Columns.X, Columns.Y));
        if (c.hasPixelSize()) {
            h.addAll(List.of(Columns.X_NM, Columns.Y_NM));
        }
        if (c.hasFrameInterval()) {
            h.add(Columns.T_S);
        }
        return h;
    }

    public static void write(Path out, List<double[]> trajectories, Calibration c, Progress progress) {
        try (CsvWriter csv = new CsvWriter(out, header(c))) {
            try {
                List<Object> row = new ArrayList<>();
                for (int p = 0; p < trajectories.size(); p++) {
                    progress.checkCanceled();
                    double[] xy = trajectories.get(p);
                    for (int f = 0; f < xy.length / 2; f++) {
                        row.clear();
                        row.add(f);
                        row.add(p + 1);
                        row.add(xy[2 * f]);
                        row.add(xy[2 * f + 1]);
                        if (c.hasPixelSize()) {
                            row.add(c.toNm(xy[2 * f]));
                            row.add(c.toNm(xy[2 * f + 1]));
                        }
                        if (c.hasFrameInterval()) {
                            row.add(c.toSeconds(f));
                        }
                        csv.row(row);
                    }
                    progress.report((p + 1.0) / trajectories.size(), "writing");
                }
            } catch (RuntimeException e) {
                csv.abort();
                throw e;
            }
        }
    }
}
