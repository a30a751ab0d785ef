package org.lptem.knime.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.lptem.core.Columns;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;

/** Reads detections and tracks out of KNIME tables that follow the {@link Columns} naming. */
public final class TrackTables {
    private static final int CANCEL_CHECK_ROWS = 4096;

    private TrackTables() {
    }

    /** The columns {@link #readDetections} needs, checked in configure. */
    public static InputColumns detectionColumns(final DataTableSpec spec) throws InvalidSettingsException {
        return InputColumns.require(spec, Columns.FRAME, Columns.X, Columns.Y);
    }

    /** The columns {@link #readTracks} needs, checked in configure. */
    public static InputColumns trackColumns(final DataTableSpec spec) throws InvalidSettingsException {
        return InputColumns.require(spec, Columns.FRAME, Columns.PARTICLE, Columns.X, Columns.Y);
    }

    /** The columns {@link #readTracks} needs with orientations: the track columns and {@code orientation_deg}. */
    public static InputColumns orientedTrackColumns(final DataTableSpec spec) throws InvalidSettingsException {
        return InputColumns.require(spec, Columns.FRAME, Columns.PARTICLE, Columns.X, Columns.Y,
            Columns.ORIENTATION_DEG);
    }

    /** One position-only detection per row, in row order (index i is row i). */
    public static List<Detection> readDetections(final BufferedDataTable table, final Progress progress) {
        InputColumns cols = checked(() -> detectionColumns(table.getDataTableSpec()));
        List<Detection> out = new ArrayList<>((int)Math.min(table.size(), 1 << 20));
        forEachRow(table, progress, "Reading detections", row -> out.add(
            Detection.at(cols.integer(row, 0), cols.value(row, 1), cols.value(row, 2))));
        return out;
    }

    /**
     * Tracks from the nanometre columns {@code x_nm}, {@code y_nm} (with {@code frame} and {@code particle}),
     * positions divided by {@code nmPerPixel} so that they are in px as everywhere else; for tables whose pixel
     * positions are missing or not trusted.
     */
    public static List<Track> readTracksInNm(final BufferedDataTable table, final double nmPerPixel,
        final Progress progress) {
        InputColumns cols = checked(() -> InputColumns.require(table.getDataTableSpec(), Columns.FRAME,
            Columns.PARTICLE, Columns.X_NM, Columns.Y_NM));
        return group(table, progress, row -> Detection.at(cols.integer(row, 0), cols.value(row, 2) / nmPerPixel,
            cols.value(row, 3) / nmPerPixel), row -> cols.integer(row, 1));
    }

    /** The table's rows grouped by particle id and ordered by frame; tracks come in increasing particle order. */
    public static List<Track> readTracks(final BufferedDataTable table, final Progress progress) {
        return readTracks(table, progress, false);
    }

    /**
     * As {@link #readTracks(BufferedDataTable, Progress)}; with {@code orientation} each point also gets its
     * {@code orientation_deg} (a missing cell is an unknown orientation, NaN, as the detector writes for regions
     * too small to have one).
     */
    public static List<Track> readTracks(final BufferedDataTable table, final Progress progress,
        final boolean orientation) {
        InputColumns cols = checked(() -> orientation ? orientedTrackColumns(table.getDataTableSpec())
            : trackColumns(table.getDataTableSpec()));
        return group(table, progress, row -> {
            int frame = cols.integer(row, 0);
            double x = cols.value(row, 2);
            double y = cols.value(row, 3);
            return orientation ? new Detection(frame, x, y, Double.NaN, cols.valueOrNaN(row, 4), Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, 0) : Detection.at(frame, x, y);
        }, row -> cols.integer(row, 1));
    }

    /** Rows turned into points and grouped into tracks by particle, each ordered by frame. */
    private static List<Track> group(final BufferedDataTable table, final Progress progress,
        final java.util.function.Function<DataRow, Detection> point,
        final java.util.function.ToIntFunction<DataRow> particle) {
        Map<Integer, List<Detection>> byParticle = new TreeMap<>();
        forEachRow(table, progress, "Reading tracks", row -> byParticle
            .computeIfAbsent(particle.applyAsInt(row), k -> new ArrayList<>()).add(point.apply(row)));
        List<Track> tracks = new ArrayList<>(byParticle.size());
        for (Map.Entry<Integer, List<Detection>> e : byParticle.entrySet()) {
            List<Detection> points = e.getValue();
            points.sort(Comparator.comparingInt(Detection::frame));
            tracks.add(new Track(e.getKey(), points)); // rejects two rows of one particle in one frame
        }
        return tracks;
    }

    /** Calls {@code action} for every row, reporting progress and honouring cancellation. */
    public static void forEachRow(final BufferedDataTable table, final Progress progress, final String message,
        final Consumer<DataRow> action) {
        long n = Math.max(1, table.size());
        long i = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                if (i % CANCEL_CHECK_ROWS == 0) {
                    progress.checkCanceled();
                    progress.report((double)i / n, message);
                }
                action.accept(it.next());
                i++;
            }
        }
        progress.report(1, message);
    }

    @FunctionalInterface
    private interface SpecCheck<T> {
        T get() throws InvalidSettingsException;
    }

    // Configure already validated the spec; seeing it fail here means the table changed under us.
    private static <T> T checked(final SpecCheck<T> check) {
        try {
            return check.get();
        } catch (InvalidSettingsException e) {
            throw new LptemException(e.getMessage(), e);
        }
    }
}
