package org.lptem.knime.link;

import java.util.List;
import java.util.Locale;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.lptem.core.Columns;
import org.lptem.knime.common.Cells;
import org.lptem.track.TrackEvent;

/**
 * The linker's merge and split events ({@link TrackEvent}): event ({@code merge} or {@code split}), frame,
 * particle (the track that ends by merging or starts by splitting) and other_particle (the track it merges into or
 * splits from).
 */
final class EventTable {
    private EventTable() {
    }

    static DataTableSpec spec() {
        return new DataTableSpec("track_events", new DataColumnSpec[]{
            new DataColumnSpecCreator(Columns.EVENT, StringCell.TYPE).createSpec(), Cells.intColumn(Columns.FRAME),
            Cells.intColumn(Columns.PARTICLE), Cells.intColumn(Columns.OTHER_PARTICLE)});
    }

    static BufferedDataTable write(final List<TrackEvent> events, final ExecutionContext exec) {
        BufferedDataContainer out = exec.createDataContainer(spec());
        try {
            long row = 0;
            for (TrackEvent e : events) {
                out.addRowToTable(new DefaultRow(RowKey.createRowKey(row++),
                    new StringCell(e.kind().name().toLowerCase(Locale.ROOT)), Cells.integer(e.frame()),
                    Cells.integer(e.track()), Cells.integer(e.otherTrack())));
            }
        } finally {
            out.close();
        }
        return out.getTable();
    }
}
